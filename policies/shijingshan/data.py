"""Data only 石景山's plan asks for, declared by this plugin (core/model/extensions.py).

三(一) “班主任每学年对每名学生至少开展1次家访”: a head teacher visits every student of the class in
a school year. Core's `home_visits` counts families per semester (南昌's “每学期对每个家庭至少家访
1次”) and stays as it is; this plan counts students per class per school year, so it declares its
own records, one per class and school year, on the institution. It is plugin data, not core,
because no other shipped plan counts visits by class and student; when a second plan does, the
identical declaration is shared and then moves into core (docs/adding-a-city.md).

Screening consent (一(五)2), the counseling room's systems (一(四)2), campuses and education groups
(一(一)1–2) are in core: the national plan every city implements speaks of them.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, model_validator

from mhpolicy.core.model.entities import MAX_PEOPLE, Grade, Ident, Strict, bounded
from mhpolicy.core.model.extensions import DataExtension, Entity


class ClassHomeVisits(Strict):
    """One class in one school year: its students, and how many of them the head teacher visited
    at home at least once (aggregate; no student is named)."""

    school_year: Annotated[str, Field(pattern=r"^\d{4}-\d{4}$")]
    grade: Grade
    class_id: Ident  # the class's code in the school, e.g. "4-2"
    students: Annotated[int, bounded(MAX_PEOPLE, "人", "students", "本班学生人数", "students in the class",
                                     title="本班学生数")]
    students_visited: Annotated[int, bounded(MAX_PEOPLE, "人", "students", "本学年至少家访1次的学生人数",
                                             "students visited at home at least once in the school year",
                                             title="已家访学生数")]

    @model_validator(mode="after")
    def _visited_within_students(self) -> ClassHomeVisits:
        if self.students_visited > self.students:
            raise self._exceeds("students_visited", "students")
        return self



HOME_VISITS_BY_CLASS: DataExtension[list[ClassHomeVisits]] = DataExtension(
    Entity.INSTITUTION, "home_visits_by_class", list[ClassHomeVisits], "各班学年家访情况",
    description="班主任每学年对本班每名学生的家访：每班一行（学年、年级、班级、学生数、已家访学生数） / "
                "head teachers' home visits per class and school year",
    unit="人")

DATA_EXTENSIONS: list[DataExtension[Any]] = [HOME_VISITS_BY_CLASS]
