"""Finding a mapping's fields among a file's answers, as KoBoToolbox and ODK Central name them."""

from dataclasses import dataclass

from ovoz.imports import values as conv


class FieldIndex:
    """Finds a mapping's field among a file's keys: "group/question" as KoBo writes it, "group-question" as ODK
    Central's CSV does, the question name alone when it is unique, and select_multiple split into columns."""

    def __init__(self, keys):
        self.keys = set(keys)
        self.by_name: dict[str, list[str]] = {}
        for key in self.keys:
            for sep in ("/", "-"):
                if sep in key:
                    self.by_name.setdefault(key.rsplit(sep, 1)[-1], []).append(key)
        self._cache: dict[str, object] = {}

    def resolve(self, path: str):
        """A key, a ("split", [keys]) for split select_multiple columns, or None."""
        if path not in self._cache:
            self._cache[path] = self._resolve(path)
        return self._cache[path]

    def _resolve(self, path: str):
        for candidate in (path, path.replace("/", "-"), path.replace("/", ".")):
            if candidate in self.keys:
                return candidate
        for sep in ("/", "-"):
            split = sorted(k for k in self.keys if k.startswith(path.replace("/", sep) + sep))
            if split:
                return ("split", split)
        name = path.rsplit("/", 1)[-1]
        if name in self.keys:
            return name
        found = set(self.by_name.get(name, []))
        if len(found) == 1:
            return found.pop()
        return None


def split_value(values: dict, keys: list[str]):
    chosen = [k.rsplit("/", 1)[-1].rsplit("-", 1)[-1] for k in keys
              if conv.text_of(values.get(k)).lower() in {"1", "true", "yes"}]
    return " ".join(chosen) if chosen else None


class Answers:
    """The answers of a submission (or of one item of a repeat group, which also sees the submission's)."""

    def __init__(self, values: dict, index: FieldIndex, *, prefix: str = "", parent: "Answers | None" = None):
        self.values, self.index, self.prefix, self.parent = values, index, prefix, parent

    def get(self, path: str):
        for candidate in ([path, f"{self.prefix}/{path}"] if self.prefix and not path.startswith(self.prefix + "/")
                          else [path]):
            key = self.index.resolve(candidate)
            if isinstance(key, tuple):
                value = split_value(self.values, key[1])
            else:
                value = self.values.get(key) if key else None
            if not conv.empty(value):
                return value
        return self.parent.get(path) if self.parent else None

    def knows(self, path: str) -> bool:
        if self.index.resolve(path) or (self.prefix and self.index.resolve(f"{self.prefix}/{path}")):
            return True
        return self.parent.knows(path) if self.parent else False


@dataclass
class Context:
    """Where the checker is: a submission's row and key, its answers, and the item of its repeat group (from 1)."""

    row: int
    key: str
    answers: Answers
    item: int = 0
