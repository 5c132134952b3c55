import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../../renderer/api/apiError.ts';
import { describeError } from '../../../../renderer/i18n/describeError.ts';
import { TABLES } from '../../../../renderer/i18n/messages.ts';
import { createTranslator } from '../../../../renderer/i18n/translate.ts';

test('an error about a file names the file in the translated line', () => {
  const zh = createTranslator('zh-CN', TABLES);
  const en = createTranslator('en', TABLES);
  const err = new ApiError('IMPORT_BINARY', '卷二.pdf: The file is not text', { file: '卷二.pdf' });
  assert.match(describeError(err, zh).message, /^「卷二\.pdf」：这不是文本文件/);
  assert.match(describeError(err, en).message, /^卷二\.pdf: This is neither/);
  assert.equal(describeError(new ApiError('NOT_FOUND', 'No case 3'), en).message, en.t('errors.NOT_FOUND'));
});
