import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface State {
  error: Error | null;
}

/** Catches render errors anywhere below it, so one broken view does not blank the window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Render error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) {
      return <BoundaryFallback error={this.state.error} onReset={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}

function BoundaryFallback({ error, onReset }: { error: Error; onReset(): void }) {
  const { t } = useI18n();
  return (
    <div className="error-boundary" role="alert" data-testid="error-boundary">
      <h2>{t('errors.boundaryTitle')}</h2>
      <p>{t('errors.boundaryBody')}</p>
      <pre className="error-boundary__detail">{error.message}</pre>
      <div className="row">
        <button type="button" onClick={onReset}>
          {t('common.retry')}
        </button>
        <button type="button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
      </div>
    </div>
  );
}
