"""Reading an inventory file: a regular file only, within a size limit checked on what is read.

A path can name something that is not a file: a folder, a FIFO that blocks whoever opens it, a
device that never ends (``/dev/zero`` reports a size of 0), a loop of symbolic links. Each is
refused with a problem, located at the file, before it is opened for reading; the size is
checked on the bytes read, never only on the size the file system reports.
"""

from __future__ import annotations

import errno
import os
import stat

from .problems import InventoryError, InventoryProblem

#: Files larger than this are refused unless the caller allows more.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

#: What a path is, when it is not a regular file, by the test of its mode.
_NOT_A_FILE = (
    (stat.S_ISDIR, "a folder, not a file; name the YAML file in it"),
    (stat.S_ISFIFO, "a named pipe (FIFO), not a file; name a YAML file"),
    (stat.S_ISCHR, "a device, not a file; name a YAML file"),
    (stat.S_ISBLK, "a device, not a file; name a YAML file"),
    (stat.S_ISSOCK, "a socket, not a file; name a YAML file"),
)
#: Opening for reading never blocks (on a FIFO swapped in after the check) nor takes a terminal.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


#: How a build's message says to raise the size limit.
RAISE_IN_CONF = "raise cookies_max_file_size in conf.py"


def too_large(path: str, max_bytes: int, advice: str = RAISE_IN_CONF) -> InventoryProblem:
    return InventoryProblem(
        path, 1, "limit", f"the file is larger than {max_bytes:,} bytes; split it, or {advice}"
    )


def _refused(path: str, mode: int) -> InventoryError | None:
    for test, what in _NOT_A_FILE:
        if test(mode):
            return InventoryError(InventoryProblem(path, 0, "file", f"the inventory is {what}"))
    return None


def _unreadable(path: str, error: OSError) -> InventoryError:
    if error.errno == errno.ELOOP:
        message = (
            "the inventory's path is a loop of symbolic links (a link that leads back to "
            "itself); point the link at the YAML file"
        )
    else:
        message = f"the inventory file cannot be read: {error.strerror or error}"
    return InventoryError(InventoryProblem(path, 0, "file", message))


def read_inventory_file(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, advice: str = RAISE_IN_CONF
) -> bytes:
    """The bytes of the inventory file at ``path``. ``FileNotFoundError`` when there is none;
    ``InventoryError`` for a path that is not a regular file, cannot be read, or holds more
    than ``max_bytes`` (``advice`` says how to raise the limit)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise _unreadable(path, error) from None
    refused = _refused(path, status.st_mode)
    if refused is not None:
        raise refused
    if status.st_size > max_bytes:
        raise InventoryError(too_large(path, max_bytes, advice))
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise _unreadable(path, error) from None
    with os.fdopen(descriptor, "rb") as stream:
        refused = _refused(path, os.fstat(stream.fileno()).st_mode)  # replaced since the check
        if refused is not None:
            raise refused
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InventoryError(too_large(path, max_bytes, advice))
    return data


def unread_digest(path: str) -> str:
    """What stands for the content of a file that was not read (too large, or not a file):
    its kind, size and time of change, so that replacing it counts as a change, without
    reading what may have no end."""
    try:
        status = os.stat(path)
    except OSError as error:
        return f"unreadable:{error.errno}"
    return f"unread:{stat.S_IFMT(status.st_mode)}:{status.st_size}:{status.st_mtime_ns}"
