"""Hostile inputs for the importers, of a given size in bytes: the shapes
that once made them quadratic (bench row 11, tests/cli/hostile-import.sh)."""


def _fill(unit, size):
    unit = unit.encode()
    return (unit * (size // len(unit) + 1))[:size]


def long_line(size):
    """One line of text, words and figures between single spaces."""
    data = _fill("规章 1 行政许可 22 ", size)
    return data.decode("utf-8", "ignore").encode()


def figure_lines(size):
    """A figure alone on each line, no blank line anywhere."""
    return b"7\n" * (size // 2)


def long_paragraph(size):
    """A web page whose body is one paragraph."""
    head = b"<html><head><meta charset=utf-8></head><body><p>"
    tail = b"</p></body></html>"
    body = _fill("本机关依法公开政府信息。", size - len(head) - len(tail))
    return head + body.decode("utf-8", "ignore").encode() + tail


def wide_cells(size):
    """A web page of table rows, each one cell spanning 1,000 columns."""
    head = b"<html><body><table>\n"
    tail = b"</table></body></html>"
    rows = _fill('<tr><td colspan="1000">1</td></tr>\n',
                 size - len(head) - len(tail))
    return head + rows[:rows.rfind(b"\n") + 1] + tail


SHAPES = [("a line of text", "--text", long_line),
          ("one figure a line", "--text", figure_lines),
          ("a page of one paragraph", "--html", long_paragraph),
          ("a page of colspan=1000 cells", "--html", wide_cells)]
