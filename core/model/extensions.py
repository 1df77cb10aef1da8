"""Plugin-declared data: fields a plan needs that no other plan has.

The core model (`model.py`) keeps what two or more plans share. A plan that needs more
(hospitals opening a 心理门诊, member schools of an 教育集团, a station's monthly reports)
declares it with `DataExtension`s from its ``mhpolicy_data_extensions`` hook, and core
builds *extended models*: subclasses of Institution, Station, District, City and Dataset
with those fields added (``Dataset``'s lists then hold the extended entities). Validation,
the JSON Schema and measures all use the extended models, so an extension field is
checked, named in errors and documented like a core one, and unknown fields are still
rejected.

A check validates with the extensions of *every loaded plugin*, not only of the cities it
checks: one dataset may be checked under several plans, and a dataset carrying 平凉 fields
must still validate in a 福州 check (福州's rules simply never read them).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from typing import Any, Generic, Protocol, TypeVar

from pydantic import BaseModel, Field, create_model

from .entities import City, Dataset, District, Institution, Station

T = TypeVar("T")


class Entity(StrEnum):
    """Where an extension field lives in the data."""

    DATASET = "dataset"  # top level, beside city/districts: records of the whole dataset
    CITY = "city"
    DISTRICT = "district"
    INSTITUTION = "institution"
    STATION = "station"


_CORE: dict[Entity, type[BaseModel]] = {
    Entity.DATASET: Dataset,
    Entity.CITY: City,
    Entity.DISTRICT: District,
    Entity.INSTITUTION: Institution,
    Entity.STATION: Station,
}


@dataclass(frozen=True, slots=True)
class DataExtension(Generic[T]):
    """One field a plugin adds to an entity of the data.

    `type` is any pydantic annotation: a pydantic model (use `model.Strict` as its base so
    unknown fields are rejected) or a list of one, a StrEnum, bool, int, date, an
    `Annotated` constraint … A list field is absent-means-empty, like the core lists; any
    other field defaults to `default`, and when that is None the field also accepts null:
    None means "not reported", which measures must report as 缺数据, never as compliant.
    Declare it at module level and annotate it (``HOSPITALS: DataExtension[list[Hospital]]``)
    so `extension()` is typed for the measures that read it.
    """

    entity: Entity
    name: str  # the key in the data
    type: Any
    label_zh: str  # used in errors and as the schema's title
    description: str = ""
    default: Any = None
    unit: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "entity", Entity(self.entity))
        if not self.name.isidentifier() or self.name.startswith("_"):
            raise ValueError(f"extension name {self.name!r} must be a Python identifier not starting with '_'")
        if not self.label_zh:
            raise ValueError(f"extension {self.name!r} needs a Chinese label (label_zh)")
        if _is_list(self.type) and self.default is not None:
            raise ValueError(f"extension {self.name!r}: a list field defaults to empty; give no default")
        try:
            hash((self.type, self.default))
        except TypeError:
            raise ValueError(f"extension {self.name!r}: type and default must be immutable (hashable)") from None

    @property
    def key(self) -> str:
        return f"{self.entity.value}.{self.name}"


class ExtensionClash(ValueError):
    """Two declarations of one field disagree, or a declaration reuses a core name."""

    def __init__(self, message: str, plugins: tuple[str, ...]) -> None:
        super().__init__(message)
        self.plugins = plugins


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _is_list(typing.get_args(annotation)[0])
    return origin is list


def _core_name(ext: DataExtension[Any]) -> bool:
    base = _CORE[ext.entity]
    return ext.name in base.model_fields or hasattr(base, ext.name)  # fields, properties, methods


def merge_extensions(declared: Iterable[tuple[str, Sequence[DataExtension[Any]]]]) -> tuple[DataExtension[Any], ...]:
    """The extensions of several plugins, given as (plugin name, declarations) pairs.

    A name that is a core field (or property) of its entity is refused. The *same*
    declaration from two plugins is shared, anything else under one name is a clash:
    two plans that need one field with one meaning can share a module that declares it
    (the step before moving it into the core model), while two meanings under one name
    would make one plan read the other's data wrongly. Raises `ExtensionClash` naming
    the plugins involved.
    """
    owners: dict[tuple[Entity, str], tuple[str, DataExtension[Any]]] = {}
    for plugin, extensions in declared:
        for ext in extensions:
            if _core_name(ext):
                raise ExtensionClash(
                    f"数据扩展字段 {ext.key} 与核心模型字段重名 / data extension {ext.key} clashes with a core "
                    f"field of {_CORE[ext.entity].__name__}", (plugin,))
            key = (ext.entity, ext.name)
            if key in owners:
                other, prev = owners[key]
                if prev == ext:
                    continue
                raise ExtensionClash(
                    f"数据扩展字段 {ext.key} 被插件 {other} 与 {plugin} 以不同方式声明 / data extension {ext.key} is "
                    f"declared differently by plugins {other} and {plugin} ({prev.type!r} vs {ext.type!r})",
                    (other, plugin))
            owners[key] = (plugin, ext)
    return tuple(ext for _, ext in owners.values())


@dataclass(frozen=True, slots=True)
class Models:
    """The entity models data is validated with: the core ones, or extended ones."""

    dataset: type[Dataset]
    city: type[City]
    district: type[District]
    institution: type[Institution]
    station: type[Station]
    extensions: tuple[DataExtension[Any], ...] = ()

    def label(self, entity: Entity, name: str) -> str | None:
        """The Chinese label of an extension field, or None for a core field."""
        for ext in self.extensions:
            if ext.entity is entity and ext.name == name:
                return ext.label_zh
        return None


CORE_MODELS = Models(Dataset, City, District, Institution, Station)
_BY_DATASET: dict[type[BaseModel], Models] = {Dataset: CORE_MODELS}


def _field(ext: DataExtension[Any]) -> tuple[Any, Any]:
    schema_extra = {"unit": ext.unit} if ext.unit else None
    info = {"title": ext.label_zh, "description": ext.description or None, "json_schema_extra": schema_extra}
    if _is_list(ext.type):
        return ext.type, Field(default_factory=list, **info)
    if ext.default is None:
        return typing.Optional[ext.type], Field(default=None, **info)  # noqa: UP045 (X | None fails for some annotations)
    return ext.type, Field(default=ext.default, **info)


def _extend(base: type[BaseModel], fields: dict[str, tuple[Any, Any]]) -> Any:
    if not fields:
        return base
    # Same class name as the core model, so the schema's $defs read the same with or without extensions.
    return create_model(base.__name__, __base__=base, __module__=__name__, __doc__=base.__doc__, **fields)


@cache  # classes stay alive anyway (_BY_DATASET): one per set, for the process
def _build(extensions: tuple[DataExtension[Any], ...]) -> Models:
    own = {e: {x.name: _field(x) for x in extensions if x.entity is e} for e in Entity}
    city = _extend(City, own[Entity.CITY])
    district = _extend(District, own[Entity.DISTRICT])
    institution = _extend(Institution, own[Entity.INSTITUTION])
    station = _extend(Station, own[Entity.STATION])
    lists = {"city": (city, ...),
             "districts": (list[district], Field(default_factory=list)),  # type: ignore[valid-type]
             "institutions": (list[institution], Field(default_factory=list)),  # type: ignore[valid-type]
             "stations": (list[station], Field(default_factory=list))}  # type: ignore[valid-type]
    dataset = _extend(Dataset, {**lists, **own[Entity.DATASET]})
    models = Models(dataset, city, district, institution, station, extensions)
    _BY_DATASET[dataset] = models
    return models


def build_models(extensions: Iterable[DataExtension[Any]]) -> Models:
    """The extended models for these declarations (the core models when there are none).

    Cached per set of declarations, whatever their order, so every check with the same
    plugins validates with the very same classes. Declarations must not clash (see
    `merge_extensions`; the registry refuses a plugin that would clash).
    """
    unique = tuple(sorted(dict.fromkeys(extensions), key=lambda e: (e.entity.value, e.name)))
    if not unique:
        return CORE_MODELS
    merge_extensions((f"#{n}", (e,)) for n, e in enumerate(unique))  # the registry checked this; direct callers not
    return _build(unique)


def models_of(dataset: Dataset | type[Dataset]) -> Models:
    """The models a dataset (or dataset class) was built with: so institutions read later,
    chunk by chunk, are validated with the same extensions as the header was."""
    cls = dataset if isinstance(dataset, type) else type(dataset)
    return _BY_DATASET.get(cls, CORE_MODELS)


_UNSET: Any = object()


def extension(entity: BaseModel, declared: DataExtension[T] | str) -> T:
    """The value of an extension field on an entity (institution, station, district, city
    or dataset).

    `entity.<name>` works as well, since the entity is an instance of the extended model;
    this accessor says which declaration is read, is typed by it, and gives the declared
    default (empty list for a list field) when the entity was validated without that
    extension (data checked with core models only). A bare name must exist on the entity.
    """
    if isinstance(declared, str):
        if declared not in type(entity).model_fields:
            raise AttributeError(f"{type(entity).__name__} 没有扩展字段 / has no extension field {declared!r}")
        return getattr(entity, declared)  # type: ignore[no-any-return]
    if declared.name in type(entity).model_fields:
        return getattr(entity, declared.name)  # type: ignore[no-any-return]
    return [] if _is_list(declared.type) else declared.default  # type: ignore[return-value]


class _Issue(Protocol):
    row: str
    field: str
    label: str


IssueT = TypeVar("IssueT", bound=_Issue)
_TABLE_ENTITY = {"institutions": Entity.INSTITUTION, "districts": Entity.DISTRICT, "stations": Entity.STATION}
_FIRST_NAME = re.compile(r"^(?:(city)\.)?(\w+)")


def field_label(models: Models, root: Entity, row: str, field: str) -> str | None:
    """The label of the extension field an input issue is in, or None for a core field.

    `root` is what was validated (the dataset, or one institution of a chunk); at the
    dataset level the row ("stations[1] (id=S1)") or a leading "city." says which entity."""
    m = _FIRST_NAME.match(field)
    if not m or not models.extensions:
        return None
    entity = root
    if root is Entity.DATASET:
        entity = _TABLE_ENTITY.get(row.partition("[")[0], Entity.CITY if m[1] else Entity.DATASET)
    return models.label(entity, m[2])


def label_issues(issues: list[IssueT], models: Models, root: Entity) -> list[IssueT]:
    """Give each issue in a plugin-declared field that field's label (its Chinese message then
    starts with it), so a reader sees which plan's data is wrong; core fields are left as they are."""
    out = []
    for issue in issues:
        label = field_label(models, root, issue.row, issue.field)
        out.append(replace(issue, label=label) if label else issue)  # type: ignore[type-var]
    return out
