"""One labelled vocabulary: each enumeration's Chinese label lives once, with the member.

A `LabelledEnum` is a `StrEnum` whose members are declared as `(value, label, *aliases)`:

    class Stage(LabelledEnum):
        PRIMARY = "primary", "小学"

`Stage.PRIMARY == "primary"` as before (data, JSON and the store keep the English value);
`Stage.PRIMARY.label == "小学"` is what people read (reports, error messages); and
`Stage.from_label("小学")` reads the label back, e.g. from a Chinese spec step. Aliases are
further words the specs or the plans use for the same thing ("县区级" for "县（区）级"); they
are accepted by `from_label`, never shown. The labels go into the JSON Schema as
`x-labels` (value -> label), so whoever fills in the data sees them too.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Self


class LabelledEnum(StrEnum):
    _label_: str
    _aliases_: tuple[str, ...]

    def __new__(cls, value: str, label: str, *aliases: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member._label_ = label
        member._aliases_ = aliases
        return member

    @property
    def label(self) -> str:
        """The Chinese name of this value, as reports and messages show it."""
        return self._label_

    @property
    def aliases(self) -> tuple[str, ...]:
        return self._aliases_

    def labelled(self) -> str:
        """"primary（小学）": the value a file must contain, and what it means."""
        return f"{self.value}（{self.label}）"

    @classmethod
    def from_label(cls, text: str) -> Self:
        """The member whose label or alias is `text`; a clear error naming the choices otherwise."""
        for member in cls:
            if text == member.label or text in member.aliases:
                return member
        raise ValueError(f"'{text}' is not a label of {cls.__name__}: " + "、".join(m.label for m in cls))

    @classmethod
    def labels(cls) -> dict[str, str]:
        """value -> label, in declaration order."""
        return {m.value: m.label for m in cls}

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler.resolve_ref_schema(handler(core_schema))
        schema["x-labels"] = cls.labels()
        schema["description"] = "；".join(f"{v}：{label}" for v, label in cls.labels().items())
        return schema


def check_labels_unique(enum: type[LabelledEnum]) -> None:
    """Each label and alias names one member: `from_label` must never have to guess."""
    seen: dict[str, str] = {}
    for member in enum:
        for word in (member.label, *member.aliases):
            if word in seen and seen[word] != member.value:
                raise ValueError(f"{enum.__name__}: '{word}' names both {seen[word]} and {member.value}")
            seen[word] = member.value
