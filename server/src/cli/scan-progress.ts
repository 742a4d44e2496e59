// Progress of a long scan on stderr. On a TTY a bar redraws in place and appears only once the
// scan has run for a moment; `--progress` on a non-TTY (CI logs) prints a line per tenth instead.
// Never on stdout, so reports piped from stdout stay clean.
const DELAY_MS = 1000;
const BAR_WIDTH = 24;

export class Progress {
  private readonly started = Date.now();
  private drawn = false;
  private lastTenth = 0;

  constructor(
    private readonly stream: { write(s: string): unknown; isTTY?: boolean },
    private readonly total: number,
    /** `auto`: TTY only, after a delay; `on`: always; `off`: never. */
    private readonly mode: 'auto' | 'on' | 'off',
  ) {}

  update(done: number): void {
    if (this.mode === 'off' || this.total === 0) return;
    if (this.stream.isTTY) {
      if (this.mode === 'auto' && Date.now() - this.started < DELAY_MS) return;
      const filled = Math.round((done / this.total) * BAR_WIDTH);
      this.stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${this.total} units`);
      this.drawn = true;
    } else if (this.mode === 'on') {
      const tenth = Math.floor((done / this.total) * 10);
      if (tenth > this.lastTenth || done === this.total) {
        this.lastTenth = tenth;
        this.stream.write(`palisade: scanned ${done}/${this.total} units\n`);
      }
    }
  }

  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
