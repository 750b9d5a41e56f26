"""Inputs: paths, directories, globs, stdin and JSON Lines -> one item per article, in order."""

import io
import json
import os
from pathlib import Path

import pytest

from textkit.inputs import InputItem, expand_path, iter_items, jsonl_item, read_item


def write(folder, name, data=b"Judul\n\nIsi.\n"):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def sources(items):
    return [(i.source, i.error_type) for i in items]


def test_directory_is_walked_recursively_in_name_order(tmp_path):
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "c.md", "a.txt"]:
        write(tmp_path, name)
    found = list(expand_path(str(tmp_path)))
    rel = [os.path.relpath(p, tmp_path) for p in found]
    assert rel == ["a/b/c.txt", "a/z.txt", "a.txt", "b.txt"]


def test_symlinked_folder_loop_is_not_followed(tmp_path):
    write(tmp_path, "a.txt")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert len(list(expand_path(str(tmp_path)))) == 1


def test_missing_path_and_empty_directory_give_error_items(tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path, "only.md")
    items = list(iter_items([str(tmp_path / "nope.txt"), str(tmp_path / "empty"), str(tmp_path)]))
    assert [i.error_type for i in items] == ["FileNotFound", "NoArticles", "NoArticles"]


def test_glob_without_match_is_an_error_and_with_matches_is_sorted(tmp_path):
    write(tmp_path, "b1.txt")
    write(tmp_path, "a1.txt")
    items = list(iter_items([str(tmp_path / "*1.txt"), str(tmp_path / "x*.txt")]))
    assert [Path(i.source).name for i in items] == ["a1.txt", "b1.txt", "x*.txt"]
    assert items[2].error_type == "FileNotFound"


def test_max_bytes_gives_an_error_item_without_reading(tmp_path):
    path = write(tmp_path, "big.txt", b"x" * 101)
    item = read_item(str(path), max_bytes=100)
    assert item.error_type == "InputTooLarge"
    assert item.data is None
    assert read_item(str(path), max_bytes=101).data == b"x" * 101


def test_stdin_is_read_bounded(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"y" * 50)))
    assert read_item("-", max_bytes=10).error_type == "InputTooLarge"


def test_permission_error_is_typed(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # The reader opens files with the built-in open (root may read any file, so refuse here).
    monkeypatch.setattr("textkit.inputs.open", refuse, raising=False)
    item = read_item(str(path), None)
    assert (item.error_type, item.error_message) == ("PermissionDenied", "Permission denied")


JSONL_CASES = [
    ("good", b'{"id": "a", "text": "Isi."}\n', ("a", None, "Isi.")),
    ("id from other field", b'{"url": "u", "text": "Isi."}\n', ("f:1", None, "Isi.")),
    ("numeric id", b'{"id": 7, "text": "Isi."}\n', ("7", None, "Isi.")),
    ("not json", b"halo dunia\n", ("f:1", "BadJSON", None)),
    ("json array", b"[1, 2]\n", ("f:1", "BadJSON", None)),
    ("missing text", b'{"id": "a"}\n', ("a", "MissingField", None)),
    ("null text", b'{"id": "a", "text": null}\n', ("a", "MissingField", None)),
    ("number text", b'{"id": "a", "text": 5}\n', ("a", "BadField", None)),
    ("list text", b'{"id": "a", "text": ["x"]}\n', ("a", "BadField", None)),
    ("truncated", b'{"id": "a", "text": "Is', ("f:1", "BadJSON", None)),
    ("crlf inside text", b'{"id": "a", "text": "A\\r\\nB"}\n', ("a", None, "A\nB")),
    ("binary text", b'{"id": "a", "text": "\\u0001\\u0002\\u0003"}\n', ("a", "BinaryInput", None)),
]


@pytest.mark.parametrize(
    ("raw", "expect"), [c[1:] for c in JSONL_CASES], ids=[c[0] for c in JSONL_CASES]
)
def test_jsonl_item(raw, expect):
    item = jsonl_item(raw, "f:1", "text", "id")
    assert (item.source, item.error_type, item.text) == expect
    if item.error_type:
        assert item.error_message


def test_jsonl_truncated_message_names_the_cause():
    item = jsonl_item(b'{"id": "a", "te', "f:3", "text", "id")
    assert item.error_message == "truncated line (no line end, not complete JSON)"


def test_jsonl_html_text_is_stripped_and_warned():
    raw = json.dumps({"id": "h", "text": "<p>Satu</p><p>Dua</p><br>"}).encode() + b"\n"
    item = jsonl_item(raw, "f:1", "text", "id")
    assert item.text == "Satu\n\nDua"
    assert item.warnings == ("input looks like HTML: tags stripped, text kept",)


def test_jsonl_invalid_utf8_is_replaced_and_warned():
    item = jsonl_item(b'{"id": "a", "text": "Is\xffi"}\n', "f:1", "text", "id")
    assert item.text == "Is\ufffdi"
    assert "invalid UTF-8" in item.warnings[0]


def test_jsonl_file_one_item_per_nonblank_line_with_custom_fields(tmp_path):
    lines = [
        {"url": "http://a", "content": "Satu."},
        "",
        {"url": "http://b", "content": "Dua."},
    ]
    data = "\n".join(json.dumps(x) if x else "" for x in lines) + "\n"
    path = write(tmp_path, "c.jsonl", data.encode())
    items = list(iter_items([str(path)], "jsonl", "content", "url"))
    assert [(i.source, i.text) for i in items] == [("http://a", "Satu."), ("http://b", "Dua.")]


def test_jsonl_oversized_line_is_skipped_and_reading_goes_on(tmp_path):
    big = json.dumps({"id": "big", "text": "x" * 5000})
    path = write(tmp_path, "c.jsonl", (big + "\n" + '{"id": "ok", "text": "Isi."}\n').encode())
    items = list(iter_items([str(path)], "jsonl", max_bytes=1000))
    assert sources(items) == [(f"{path}:1", "InputTooLarge"), ("ok", None)]
    assert "5" in items[0].error_message


def test_jsonl_directory_takes_jsonl_files(tmp_path):
    write(tmp_path, "a.jsonl", b'{"id": "a", "text": "Isi."}\n')
    write(tmp_path, "b.txt", b"not json")
    items = list(iter_items([str(tmp_path)], "jsonl"))
    assert sources(items) == [("a", None)]


def test_item_is_picklable_for_workers():
    import pickle

    item = InputItem("a", data=b"x", warnings=("w",))
    assert pickle.loads(pickle.dumps(item)) == item


def test_jsonl_file_with_utf8_bom(tmp_path):
    path = write(tmp_path, "bom.jsonl", b'\xef\xbb\xbf{"id": "a", "text": "Isi."}\n')
    assert sources(iter_items([str(path)], "jsonl")) == [("a", None)]


def test_path_name_too_long_is_an_error_item():
    [item] = iter_items(["a" * 5000])
    assert item.error_type == "ReadError"
    assert "too long" in item.error_message
