"""Reading captures: the Set-Cookie and Cookie headers of a HAR, storage states, cookies.txt."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_cookies.captures import (
    CaptureError,
    Lifetime,
    ObservedCookie,
    parse_capture,
    site_domain,
)
from sphinxcontrib_cookies.captures.har import parse_har
from sphinxcontrib_cookies.captures.headers import parse_set_cookie

SENT = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("a=1", ("a", "www.example.com", Lifetime("session"), False)),
        ("a=1; Domain=Example.COM", ("a", ".example.com", Lifetime("session"), False)),
        ("a=1; domain=.example.com; Path=/", ("a", ".example.com", Lifetime("session"), False)),
        ("a=1; Max-Age=60", ("a", "www.example.com", Lifetime("persistent", 60, "Max-Age"), False)),
        # Max-Age wins over Expires, whatever their order.
        (
            "a=1; Expires=Sat, 01 May 2027 10:00:00 GMT; Max-Age=60",
            ("a", "www.example.com", Lifetime("persistent", 60, "Max-Age"), False),
        ),
        (
            "a=1; expires=Sat, 01-May-2027 10:00:00 GMT",
            ("a", "www.example.com", Lifetime("persistent", 365 * 86400, "Expires"), False),
        ),
        ("a=; Max-Age=0", ("a", "www.example.com", Lifetime("persistent", 0, "Max-Age"), True)),
        (
            "a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
            ("a", "www.example.com", Lifetime("persistent", -1777629600, "Expires"), True),
        ),
        ("a=1; Max-Age=soon", ("a", "www.example.com", Lifetime("session"), False)),
        ("a=1; Expires=whenever", ("a", "www.example.com", Lifetime("session"), False)),
    ],
)
def test_set_cookie(header: str, expected: tuple[object, ...]) -> None:
    cookie = parse_set_cookie(header, "www.example.com", SENT)
    assert cookie is not None
    assert (cookie.name, cookie.domain, cookie.lifetime, cookie.deletes) == expected


@pytest.mark.parametrize("header", ["novalue", "=1", " ; Max-Age=3"])
def test_set_cookie_without_a_name(header: str) -> None:
    assert parse_set_cookie(header, "www.example.com", SENT) is None


def har(*entries: dict[str, object], pages: list[object] | None = None) -> bytes:
    log: dict[str, object] = {"version": "1.2", "entries": list(entries)}
    if pages is not None:
        log["pages"] = pages
    return json.dumps({"log": log}).encode()


def entry(url: str, request: dict[str, object], response: dict[str, object]) -> dict[str, object]:
    return {
        "startedDateTime": "2026-05-01T10:00:00Z",
        "pageref": "p",
        "request": {"url": url, **request},
        "response": response,
    }


def test_har_joined_headers_recorded_cookies_and_first_page() -> None:
    data = har(
        entry("https://cdn.example.net/x.js", {}, {}),
        entry(
            "https://www.example.com/",
            {"cookies": [{"name": "from_list"}]},
            {"headers": [{"name": "Set-Cookie", "value": "one=1; Max-Age=10\ntwo=2"}]},
        ),
        # Headers stripped by the tool that saved the HAR: its parsed cookies are used.
        entry(
            "https://api.example.com/",
            {},
            {
                "cookies": [
                    {"name": "three", "domain": "example.com", "expires": "2026-05-02T10:00:00Z"}
                ]
            },
        ),
        pages=[{"id": "p", "title": "Home"}],
    )
    capture = parse_capture(data, "t.har", None, SENT)
    assert capture.format == "har"
    assert capture.requests == 3
    assert capture.first_page == "https://cdn.example.net/x.js"
    assert capture.cookies == (
        ObservedCookie("from_list", "www.example.com", "https://www.example.com/", None),
        ObservedCookie(
            "one",
            "www.example.com",
            "https://www.example.com/",
            "www.example.com",
            Lifetime("persistent", 10, "Max-Age"),
        ),
        ObservedCookie(
            "two",
            "www.example.com",
            "https://www.example.com/",
            "www.example.com",
            Lifetime("session"),
        ),
        ObservedCookie(
            "three",
            ".example.com",
            "https://api.example.com/",
            "api.example.com",
            Lifetime("persistent", 86400, "Expires"),
        ),
    )


def test_har_cookie_sent_then_set_counts_once() -> None:
    data = har(
        entry("https://www.example.com/a", {"headers": [{"name": "Cookie", "value": "k=1"}]}, {}),
        entry(
            "https://www.example.com/b",
            {},
            {"headers": [{"name": "set-cookie", "value": "k=2; Domain=example.com"}]},
        ),
    )
    (cookie,) = parse_capture(data, "t.har", "har", SENT).cookies
    assert (cookie.name, cookie.domain, cookie.set_by) == ("k", ".example.com", "www.example.com")


def test_storage_state_session_expired_and_local_storage() -> None:
    now = SENT.timestamp()
    data = json.dumps(
        {
            "cookies": [
                {"name": "s", "domain": "www.example.com", "expires": -1},
                {"name": "gone", "domain": "www.example.com", "expires": now - 1},
                {"name": "p", "domain": ".example.com", "expires": now + 3600.5},
            ],
            "origins": [
                {"origin": "https://shop.example.com", "localStorage": [{"name": "basket"}]}
            ],
        }
    ).encode()
    capture = parse_capture(data, "state.json", "storage-state", SENT)
    assert capture.has_local_storage
    assert capture.first_page == "https://shop.example.com"
    assert [(c.name, c.domain, c.storage, c.lifetime) for c in capture.cookies] == [
        ("s", "www.example.com", "cookie", Lifetime("session")),
        ("p", ".example.com", "cookie", Lifetime("persistent", 3600, "expiry")),
        ("basket", "shop.example.com", "local-storage", Lifetime("unknown")),
    ]


def test_cookies_txt() -> None:
    now = int(SENT.timestamp())
    data = (
        "# Netscape HTTP Cookie File\n"
        f"#HttpOnly_www.example.com\tFALSE\t/\tTRUE\t{now + 60}\tsecret\tv\n"
        "# a comment\n"
        f"example.com\tTRUE\t/\tFALSE\t0\tempty_value\n"
        f"www.example.com\tFALSE\t/\tFALSE\t{now - 60}\told\tv\n"
    ).encode()
    capture = parse_capture(data, "cookies.txt", None, SENT)
    assert capture.format == "cookies-txt"
    assert [(c.name, c.domain, c.lifetime) for c in capture.cookies] == [
        ("secret", "www.example.com", Lifetime("persistent", 60, "expiry")),
        ("empty_value", ".example.com", Lifetime("session")),
    ]


@pytest.mark.parametrize("expiry", ["soon", "nan", "1e400"])
def test_cookies_txt_bad_expiry(expiry: str) -> None:
    with pytest.raises(CaptureError, match=rf"^c.txt:1: the expiry '{expiry}' is not a number"):
        data = f"a.com\tFALSE\t/\tFALSE\t{expiry}\tn\tv\n".encode()
        parse_capture(data, "c.txt", "cookies-txt", SENT)


def test_storage_state_expiry_beyond_any_date() -> None:
    data = b'{"cookies": [{"name": "a", "domain": "x.com", "expires": Infinity}]}'
    (cookie,) = parse_capture(data, "s.json", None, SENT).cookies
    assert cookie.lifetime == Lifetime("persistent", None, "expiry")


@pytest.mark.parametrize(
    ("data", "capture_format", "message"),
    [
        (b"[1, 2]", None, "x: the JSON holds an array, not an object"),
        (
            b'{"log": {"entries": 3}}',
            None,
            "x: not a HAR file: it has no 'log' with a list of 'entries'",
        ),
        (b'{"cookies": {}}', None, "x: not a storage state: 'cookies' and 'origins' must be lists"),
        (
            b'{"origins": []}',
            "har",
            "x: this looks like a Playwright storage state, not a HAR file",
        ),
        (b"\xff\xfe{", "har", "x: not UTF-8 text (offset 0)"),
        (
            b"\xff\xfe{",
            None,
            "x: cannot tell what kind of capture this is; a HAR file, a "
            "Playwright storage state or a cookies.txt file is expected",
        ),
    ],
)
def test_captures_that_are_not_captures(
    data: bytes, capture_format: str | None, message: str
) -> None:
    with pytest.raises(CaptureError) as error:
        parse_capture(data, "x", capture_format, SENT)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("given", "site"),
    [
        ("example.com", "example.com"),
        (".Example.com", "example.com"),
        ("shop.example.com", "shop.example.com"),  # a domain is taken as written
        ("https://www.Example.com/about", "example.com"),  # an address gives its site
    ],
)
def test_site_given_by_a_person(given: str, site: str) -> None:
    assert site_domain(given) == site


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "log",
                    "entries",
                    "pages",
                    "request",
                    "response",
                    "headers",
                    "cookies",
                    "name",
                    "value",
                    "url",
                    "origins",
                    "localStorage",
                    "origin",
                    "expires",
                    "domain",
                    "id",
                    "pageref",
                    "startedDateTime",
                    "title",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=30,
)


@given(document=JSON_VALUES, capture_format=st.sampled_from([None, "har", "storage-state"]))
def test_any_json_is_a_capture_or_a_capture_error(
    document: object, capture_format: str | None
) -> None:
    """Whatever a file holds, reading it gives a capture or a message, never a traceback."""
    data = json.dumps(document).encode()
    try:
        capture = parse_capture(data, "x", capture_format, SENT)
    except CaptureError as error:
        assert str(error).startswith("x")
    else:
        assert all(isinstance(cookie, ObservedCookie) for cookie in capture.cookies)


@given(st.text(max_size=200))
def test_any_text_is_a_cookies_txt_or_a_capture_error(content: str) -> None:
    try:
        parse_capture(content.encode(), "c.txt", "cookies-txt", SENT)
    except CaptureError as error:
        assert str(error).startswith("c.txt")


HAR_SHAPES = st.fixed_dictionaries(
    {
        "log": st.fixed_dictionaries(
            {"entries": st.lists(JSON_VALUES, max_size=6)},
            optional={"pages": JSON_VALUES, "version": JSON_VALUES},
        )
    },
    optional={"comment": JSON_VALUES},
)


@given(document=HAR_SHAPES, indent=st.sampled_from([None, 1]))
def test_a_har_read_entry_by_entry_is_the_har_read_whole(
    document: dict[str, object], indent: int | None
) -> None:
    """Large HARs are read one entry at a time (captures/har_stream.py): the same capture."""
    data = json.dumps(document, indent=indent).encode()
    assert parse_capture(data, "x", None, SENT) == parse_har(json.loads(data), "x")


@pytest.mark.parametrize(
    "text",
    [
        '{"log": {"entries": [{"request": {"url": "https://a.example/"}}], "entries": []}}',
        '{"version": 1, "log": {"entries": []}}',
        '{"log": {"entries": []}, "log": {"entries": [1]}}',
        '{"log": {"entries": [1,]}}',
        '{"log": {"entries": []}} trailing',
    ],
)
def test_unusual_hars_are_read_whole(text: str) -> None:
    """Duplicate keys, another first key, or invalid JSON: what json.loads makes of the text."""
    try:
        expected: object = parse_har(json.loads(text), "x")
    except (ValueError, CaptureError) as error:
        expected = type(error)
    try:
        found: object = parse_capture(text.encode(), "x", "har", SENT)
    except CaptureError as error:
        found = type(error)
    assert found == expected or (expected is json.JSONDecodeError and found is CaptureError)
