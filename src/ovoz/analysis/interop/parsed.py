"""What a reader makes of a file: plain data, nothing written. The import service decides what it becomes."""

from dataclasses import dataclass, field


@dataclass
class Problem:
    """Something in the file that will not be imported, said so that a researcher can act on it."""

    where: str
    message: str


@dataclass
class ParsedCode:
    guid: str
    name: str
    colour: str = ""
    description: str = ""
    children: list["ParsedCode"] = field(default_factory=list)
    note_guids: list[str] = field(default_factory=list)

    def walk(self, parent=None):
        yield self, parent
        for child in self.children:
            yield from child.walk(self)


@dataclass
class ParsedCoding:
    """A code applied to ``[start, end)`` of a source, in the file's own units (see ``ParsedSource.unit``)."""

    guid: str
    code_guid: str
    start: int
    end: int
    selection_guid: str = ""
    user_guid: str = ""
    note_guids: list[str] = field(default_factory=list)


@dataclass
class ParsedSource:
    guid: str
    name: str
    text: str
    codings: list[ParsedCoding] = field(default_factory=list)
    note_guids: list[str] = field(default_factory=list)
    # "codepoint" or "utf8": how the file counts positions in this source (decided by ``detect``).
    unit: str = "codepoint"
    unit_reason: str = ""


@dataclass
class ParsedNote:
    guid: str
    name: str
    text: str


@dataclass
class ParsedProject:
    name: str = ""
    origin: str = ""
    codes: list[ParsedCode] = field(default_factory=list)
    sources: list[ParsedSource] = field(default_factory=list)
    notes: dict[str, ParsedNote] = field(default_factory=dict)
    project_note_guids: list[str] = field(default_factory=list)
    users: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # Taguette's codebook CSV: the tag paths and the GUIDs they became (highlights refer to tags by path).
    tag_guids: dict[str, str] = field(default_factory=dict)

    def all_codes(self):
        for code in self.codes:
            yield from code.walk()
