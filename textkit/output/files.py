"""Output files written whole or not at all: a temporary file renamed on success."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO


class AtomicFile:
    """A text file written under a temporary name in the target's folder.

    ``commit()`` renames it to the target (atomic on one file system);
    ``discard()`` removes it, so an interrupted run never leaves a truncated
    file under the name the user asked for.
    """

    def __init__(self, target: str) -> None:
        # Imported here: tempfile costs about 4 ms, and most runs write to stdout.
        import tempfile

        self.target = Path(target)
        folder = self.target.parent
        fd, temp = tempfile.mkstemp(
            prefix=f".{self.target.name}.", suffix=".part", dir=folder if str(folder) else "."
        )
        self.temp = Path(temp)
        self.stream: IO[str] = os.fdopen(
            fd, "w", encoding="utf-8", errors="backslashreplace", newline=""
        )

    def commit(self) -> None:
        """Close the file and move it to the target name."""
        self.stream.close()
        if self.target.exists():
            # Keep the permissions a user gave an existing file.
            os.chmod(self.temp, self.target.stat().st_mode & 0o7777)  # noqa: PTH101
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.temp, 0o666 & ~umask)  # noqa: PTH101
        self.temp.replace(self.target)

    def discard(self) -> None:
        """Close and delete the temporary file; the target is left as it was."""
        try:
            self.stream.close()
        finally:
            self.temp.unlink(missing_ok=True)
