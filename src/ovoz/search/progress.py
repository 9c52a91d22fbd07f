"""A progress bar for long commands: redrawn in place on a terminal, a line every tenth elsewhere."""

import time


class ProgressBar:
    def __init__(self, stream, label: str, *, width: int = 30):
        self.stream, self.label, self.width = stream, label, width
        self.tty = getattr(stream, "isatty", lambda: False)()
        self.started = time.monotonic()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        share = done / total if total else 1.0
        if self.tty:
            filled = int(self.width * share)
            bar = "#" * filled + "." * (self.width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {share:4.0%} {done}/{total}")
            if done >= total:
                self.stream.write(f"  {time.monotonic() - self.started:.1f} s\n")
            self.stream.flush()
            return
        tenth = int(share * 10)
        if tenth != self.last_tenth:
            self.last_tenth = tenth
            self.stream.write(f"{self.label}: {share:.0%} ({done}/{total})\n")
