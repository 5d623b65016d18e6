"""The shipped message catalogs: in step with the code, complete, and well formed."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.plurals import get_plural

from conftest import load_module

SCRIPT = Path(__file__).parent.parent / "scripts" / "update_catalogs.py"
#: Where CLDR writes duration units as abbreviations, so that our catalog gives the words.
UNITS_FROM_CATALOG = {"ga", "mt"}


catalogs = load_module(SCRIPT)
TRANSLATED = [language for language in catalogs.LANGUAGES if language != "en"]
#: Plural rules that are not Babel's for the catalog's language code: our ``pt`` catalog is
#: European Portuguese, where 0 is plural ("0 dias"); Babel's ``pt`` is Brazil's.
PLURAL_RULES_OF = {"pt": "pt_PT"}
#: Forms that say the number in a word of their own, without the figure: Maltese duals
#: ("sentejn", two years), the form for exactly 2.
WORD_FORMS = {"mt": 1}


def test_the_catalogs_are_in_step_with_the_code_and_compiled() -> None:
    assert catalogs.check(catalogs.CATALOGS) == []


def test_there_is_one_catalog_per_official_eu_language() -> None:
    assert len(catalogs.LANGUAGES) == 24
    for language in catalogs.LANGUAGES:
        assert catalogs.po_path(language).with_suffix(".mo").is_file()


def untranslated(language: str) -> list[str]:
    """The messages, for documents and for the console, that ``language`` leaves in English
    (CLDR gives the duration units, except where it has only abbreviations)."""
    catalog = catalogs.read_catalog(language)
    left = []
    for message in catalog:
        if not message.id:
            continue
        if message.pluralizable and language not in UNITS_FROM_CATALOG:
            assert not any(message.string), f"{message.id}: CLDR's words are used for {language}"
            continue
        forms = message.string if message.pluralizable else (message.string,)
        if not all(forms) or message.fuzzy:
            left.append(message.id if isinstance(message.id, str) else message.id[0])
    return left


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language: str) -> None:
    console = {message.id for message in catalogs.extract({"__": None}) if message.id}
    assert len(console) > 30  # the console messages are checked as well
    assert untranslated(language) == []


@pytest.mark.parametrize(("variant", "base"), catalogs.VARIANTS.items())
def test_a_variant_gives_what_differs_and_its_base_the_rest(variant: str, base: str) -> None:
    own = catalogs.read_catalog(variant)
    given = [
        message.id for message in own if message.id and not message.pluralizable and message.string
    ]
    assert not any(any(message.string) for message in own if message.pluralizable)  # CLDR's
    assert len(given) > 20
    assert untranslated(base) == []
    # what the variant gives is its own: never a copy of the base language's text
    base_catalog = catalogs.read_catalog(base)
    assert [m for m in given if own.get(m).string == base_catalog.get(m).string] == []


@pytest.mark.parametrize("language", catalogs.CATALOGS)
def test_plural_forms_and_placeholders_are_right(language: str) -> None:
    catalog = catalogs.read_catalog(language)
    expected = get_plural(PLURAL_RULES_OF.get(language, language))
    assert catalog.plural_forms == expected.plural_forms
    problems = [(message.id, errors) for message, errors in catalog.check()]
    assert problems == []
    for message in catalog:
        if message.pluralizable and any(message.string):
            assert len(message.string) == catalog.num_plurals
            figures = [
                form
                for index, form in enumerate(message.string)
                if index != WORD_FORMS.get(language)
            ]
            assert all(form.startswith("%(count)s") for form in figures)
