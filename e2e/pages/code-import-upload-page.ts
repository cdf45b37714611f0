import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

export interface CodeFile {
  name: string;
  mimeType: string;
  content: Buffer;
}

/** /admin/code/<slug>/import: upload a council's code as Word or Markdown. */
export class CodeImportUploadPage extends AbstractPage {
  static readonly title = 'Import a code of conduct';
  static path = (slug: string) => `/admin/code/${slug}/import`;

  readonly file: Locator;
  readonly title: Locator;
  readonly uploadButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.file = page.locator('#file');
    this.title = page.locator('#title');
    this.uploadButton = page.getByRole('button', { name: 'Upload and check' });
  }

  static async open(page: Page, slug: string): Promise<CodeImportUploadPage> {
    await page.goto(CodeImportUploadPage.path(slug));
    return CodeImportUploadPage.verifyOnPage(page);
  }

  static async verifyOnPage(page: Page): Promise<CodeImportUploadPage> {
    await verifyHeading(page, CodeImportUploadPage.title);
    return new CodeImportUploadPage(page);
  }

  /** Choose a file (and a title, if given) and send it; the preview, or this page with an error, loads. */
  async upload(file: CodeFile, title?: string): Promise<void> {
    await this.file.setInputFiles({
      name: file.name,
      mimeType: file.mimeType,
      buffer: file.content,
    });
    if (title !== undefined) await this.title.fill(title);
    await clickAndLoad(this.page, this.uploadButton);
  }
}
