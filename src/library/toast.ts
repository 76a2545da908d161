import { t } from '../ui/i18n.ts';
import { $ } from './dom.ts';

const SHOW_MS = 10_000;

/** The bottom message: "Deleted 3. [Undo]", or a storage error with the offer to export. */
export class Toast {
  private readonly box = $('[data-testid=toast]');
  private readonly text = this.box.querySelector<HTMLElement>('.toast-text')!;
  private readonly undo = $<HTMLButtonElement>('[data-testid=undo]');
  private readonly exportBtn = $<HTMLButtonElement>('[data-testid=toast-export]');
  private timer: ReturnType<typeof setTimeout> | null = null;
  private onUndo: (() => void) | null = null;
  private onExport: (() => void) | null = null;

  constructor() {
    this.undo.addEventListener('click', () => {
      const fn = this.onUndo;
      this.hide();
      fn?.();
    });
    this.exportBtn.addEventListener('click', () => this.onExport?.());
  }

  show(message: string, opts: { undo?: () => void; exportLibrary?: () => void; sticky?: boolean } = {}): void {
    this.text.textContent = message;
    this.onUndo = opts.undo ?? null;
    this.onExport = opts.exportLibrary ?? null;
    this.undo.hidden = !opts.undo;
    this.exportBtn.hidden = !opts.exportLibrary;
    this.box.hidden = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = opts.sticky ? null : setTimeout(() => this.hide(), SHOW_MS);
  }

  hide(): void {
    this.box.hidden = true;
    this.onUndo = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A failed write in plain words; a full disk also offers the export. */
  error(err: unknown, exportLibrary: () => void): void {
    const code = (err as { code?: string })?.code;
    if (code === 'quota') this.show(t('storageFull'), { exportLibrary, sticky: true });
    else if (code === 'worker-gone') this.show(t('errorWorkerGone'));
    else this.show(t('actionFailed', String((err as Error)?.message ?? err)));
  }
}
