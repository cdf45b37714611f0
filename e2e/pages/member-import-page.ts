import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { AbstractPage, clickAndLoad, verifyHeading } from './abstract-page.js';

export interface UploadedFile {
  name: string;
  content: Buffer;
}

/** /admin/import/members: upload a CSV of councillors, or download a council's as CSV. */
export class MemberImportPage extends AbstractPage {
  static readonly path = '/admin/import/members';
  static readonly title = 'Import and export councillors';

  readonly file: Locator;
  readonly uploadButton: Locator;
  readonly council: Locator;
  readonly downloadButton: Locator;

  private constructor(page: Page) {
    super(page);
    this.file = page.locator('#file');
    this.uploadButton = page.getByRole('button', { name: 'Upload and check' });
    this.council = page.locator('#authority');
    this.downloadButton = page.getByRole('button', { name: 'Download CSV' });
  }

  static async open(page: Page): Promise<MemberImportPage> {
    await page.goto(MemberImportPage.path);
    return MemberImportPage.verifyOnPage(page);
  }

  static async verifyOnPage(page: Page): Promise<MemberImportPage> {
    await verifyHeading(page, MemberImportPage.title);
    return new MemberImportPage(page);
  }

  /** Choose a council and download its councillors: the file's name and bytes. */
  async download(council: string): Promise<UploadedFile> {
    await this.council.selectOption({ label: council });
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.downloadButton.click(),
    ]);
    return { name: download.suggestedFilename(), content: await readFile(await download.path()) };
  }

  /** Choose a file and send it; the preview (or this page, with an error) loads. */
  async upload(file: UploadedFile): Promise<void> {
    await this.file.setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: file.content });
    await clickAndLoad(this.page, this.uploadButton);
  }
}
