"""The shipped message catalogs: in step with the code, complete, and well formed."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.plurals import get_plural

SCRIPT = Path(__file__).parent.parent / "scripts" / "update_catalogs.py"
#: Where CLDR writes duration units as abbreviations, so that our catalog gives the words.
UNITS_FROM_CATALOG = {"ga", "mt"}


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_catalogs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalogs = _load_script()
TRANSLATED = [language for language in catalogs.LANGUAGES if language != "en"]


def test_the_catalogs_are_in_step_with_the_code_and_compiled() -> None:
    assert catalogs.check(catalogs.LANGUAGES) == []


def test_there_is_one_catalog_per_official_eu_language() -> None:
    assert len(catalogs.LANGUAGES) == 24
    for language in catalogs.LANGUAGES:
        assert catalogs.po_path(language).with_suffix(".mo").is_file()


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_document_string_is_translated(language: str) -> None:
    document = {message.id for message in catalogs.extract(catalogs.DOCUMENT_KEYWORDS)}
    catalog = catalogs.read_catalog(language)
    untranslated = []
    for message in catalog:
        if not message.id or message.id not in document:
            continue
        if message.pluralizable and language not in UNITS_FROM_CATALOG:
            assert not any(message.string), f"{message.id}: CLDR's words are used for {language}"
            continue
        forms = message.string if message.pluralizable else (message.string,)
        if not all(forms) or message.fuzzy:
            untranslated.append(message.id)
    assert untranslated == []


@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_plural_forms_and_placeholders_are_right(language: str) -> None:
    catalog = catalogs.read_catalog(language)
    assert catalog.plural_forms == get_plural(language).plural_forms
    problems = [(message.id, errors) for message, errors in catalog.check()]
    assert problems == []
    for message in catalog:
        if message.pluralizable and any(message.string):
            assert len(message.string) == catalog.num_plurals
            assert all(form.startswith("%(count)s") for form in message.string)
