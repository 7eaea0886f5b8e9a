"""Quicker pickling for frozen dataclasses with slots.

dataclasses gives such a class a __getstate__ and __setstate__ that call
dataclasses.fields() for every object: reading 100,000 kept records spent a fifth of its
time there. These keep the same state (the field values, in order) and find the fields
by the class's slot names, which dataclasses makes in field order.
"""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T", bound=type)


def quick_pickling(cls: T) -> T:
    """Decorate a @dataclass(frozen=True, slots=True) class, outside the dataclass."""
    names: tuple[str, ...] = getattr(cls, "__slots__")  # noqa: B009 (not known to the type)

    def __getstate__(self: Any) -> list[Any]:  # noqa: N807 (the pickle protocol's name)
        return [getattr(self, name) for name in names]

    def __setstate__(self: Any, state: list[Any]) -> None:  # noqa: N807
        for name, value in zip(names, state, strict=True):
            object.__setattr__(self, name, value)

    setattr(cls, "__getstate__", __getstate__)  # noqa: B010 (replacing dataclasses' own)
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010
    return cls
