import { useId, useState, type ReactNode } from 'react';

interface FileDropProps {
  label: string;
  hint: string;
  prompt: string;
  accept: string;
  multiple?: boolean;
  testId: string;
  onFiles(files: File[]): void;
  children?: ReactNode;
}

/** A real file input (so keyboard users and Playwright's setInputFiles work) that also takes drops. */
export function FileDrop({ label, hint, prompt, accept, multiple, testId, onFiles, children }: FileDropProps) {
  const id = useId();
  const [over, setOver] = useState(false);
  return (
    <div className="file-drop">
      <label htmlFor={id} className="file-drop__label">
        {label}
      </label>
      <label
        htmlFor={id}
        className={over ? 'file-drop__zone file-drop__zone--over' : 'file-drop__zone'}
        data-testid={`${testId}-zone`}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const files = [...e.dataTransfer.files];
          if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
        }}
      >
        <input
          id={id}
          type="file"
          className="visually-hidden"
          accept={accept}
          multiple={multiple}
          data-testid={`${testId}-input`}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
        <span className="file-drop__prompt">{prompt}</span>
        {children}
      </label>
      <p className="hint">{hint}</p>
    </div>
  );
}
