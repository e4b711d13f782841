"""The search index builder and tokenizer, without a browser."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import BASE_MINUTES
from gijiroku import load_archive
from gijiroku.index import index_archive
from gijiroku.search import build as search_build
from gijiroku.search.tokenize import normalize, query_terms, stem, terms


@pytest.mark.parametrize(
    "word,stemmed",
    [
        ("creators", "creator"),
        ("creator", "creator"),
        ("policies", "policy"),
        ("processes", "process"),
        ("process", "process"),
        ("running", "run"),
        ("developed", "develop"),
        ("gpus", "gpu"),
        ("data", "data"),
        ("ai", "ai"),
        ("2023", "2023"),
    ],
)
def test_stem(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_japanese_runs_become_bigrams_and_characters() -> None:
    assert query_terms("計算資源") == ["計算", "算資", "資源"]
    assert set(query_terms("計算資源")) <= set(terms("特に計算資源とデータ"))
    assert query_terms("広島AIプロセス") == ["広島", "ai", "プロ", "ロセ", "セス"]
    assert query_terms("島") == ["島"] and "島" in terms("広島AIプロセス")


def test_normalisation_folds_width_and_case() -> None:
    assert normalize("ＡＩとｶﾀｶﾅ") == "aiとカタカナ"
    assert query_terms("ＧＰＵ") == query_terms("gpu")


def test_ids_round_trip() -> None:
    ids = [0, 1, 5, 36, 1000, 1296]
    encoded = search_build.encode_ids(ids)
    decoded, prev = [], 0
    for part in encoded.split(","):
        prev += int(part, 36)
        decoded.append(prev)
    assert decoded == ids


def _files(lang: str = "ja") -> dict[str, object]:
    archive, _ = load_archive(BASE_MINUTES)
    return {k: json.loads(v) for k, v in search_build.build_search_index(index_archive(archive), lang).items()}


def test_index_files_find_a_term_and_a_speaker() -> None:
    files = _files()
    meta = files["meta.json"]
    assert meta["docs"] == 3 and meta["kinds"] == ["spoken", "written", "unattributed", "narration"]
    shard = files[f"terms/{search_build.fnv1a('予算') % meta['shards']}.json"]
    assert shard["予算"] == "1", "doc 1 (suzuki-1) mentions 予算"
    speakers = [p[0] for p in meta["people"]]
    suzuki = speakers.index("suzuki-hanako")
    assert files[f"facets/s-{suzuki}.json"] == "1"
    assert "k-unattributed" in {k.split("/")[1][:-5] for k in files if k.startswith("facets/")}
    # Every form of a name is in the names shard of its first character, naming the person.
    for form in ("すずき", "hanakosuzuki", "suzuki", "鈴木"):
        shard = files[f"names/{search_build.fnv1a(form[0]) % meta['nameShards']}.json"]
        assert suzuki in shard[form], form
    assert all(len(person) == 3 for person in meta["people"]), "meta.json keeps an id, a name and a count"


def test_dates_are_read_only_for_a_date_filter() -> None:
    files = _files()
    assert "days" not in files["meta.json"]
    dates = files["dates.json"]
    assert dates["day0"] == (dt.date(2024, 1, 15) - dt.date(1970, 1, 1)).days and dates["firsts"] == "0"


def test_documents_carry_meeting_speaker_role_and_text() -> None:
    files = _files("en")
    rows = files["docs/0.json"]["d"]
    meetings = files["docs/0.json"]["m"]
    assert [r[1] for r in rows] == ["yamada-1", "suzuki-1", "opinion-1"]
    assert rows[1][4] == "Minister of Tests" and rows[1][6] == "The budget was explained."
    assert rows[2][3] == -1, "an unattributed opinion has no speaker"
    assert meetings[0][:2] == ["1st Meeting of the Test Council", "2024-01-15"]
    assert meetings[0][3] == "meetings/test-council/2024-01-15/"


def test_common_terms_are_not_listed(monkeypatch) -> None:
    """A term in more documents than the cap is marked "*": queries then rely on their
    other terms and on checking each candidate's text."""
    monkeypatch.setattr(search_build, "COMMON_MIN", 1)
    monkeypatch.setattr(search_build, "COMMON_SHARE", 0.0)
    files = _files("en")
    listed = {t: v for k, shard in files.items() if k.startswith("terms/") for t, v in shard.items()}
    assert listed["the"] == "*", "'the' is in two of three remarks"
    assert listed["budget"] == "1"


def test_a_dense_facet_is_a_bitmap_and_a_sparse_one_a_list() -> None:
    import base64

    dense = list(range(0, 1000, 2))
    value = search_build._facet(dense, 1000)
    assert isinstance(value, dict)
    bits = base64.b64decode(value["bits"])
    assert [i for i in range(1000) if bits[i >> 3] >> (i & 7) & 1] == dense
    sparse = [3, 400, 999]
    assert search_build._facet(sparse, 1000) == search_build.encode_ids(sparse)


def test_runs_kept_between_builds_give_the_same_index(tmp_path) -> None:
    from devtools.synth import generate_archive
    from gijiroku.build.inputs import InputKeys
    from gijiroku.search.runstore import RunStore

    minutes = tmp_path / "minutes"
    generate_archive(minutes, 8, seed=2)

    def index_with(store: RunStore | None, lang: str) -> dict[str, str]:
        archive, diags = load_archive(minutes)
        assert not diags.errors
        index = index_archive(archive)
        if store is None:
            return dict(search_build.search_index_files(index, lang))
        inputs = InputKeys(index)
        files = dict(
            search_build.search_index_files(
                index, lang, lambda meeting, docs: store.runs_of(inputs.files(meeting), lambda: [doc.text for doc in docs])
            )
        )
        store.save()
        return files

    for lang in ("ja", "en"):
        folder = tmp_path / "cache" / lang
        first = RunStore(folder, "key")
        assert index_with(first, lang) == index_with(None, lang) and first.reused == 0
        # Edit one remark: its meeting's runs are cut again, the others' read back.
        meeting_file = sorted(minutes.glob("*/*.ja.md"))[2]
        text = meeting_file.read_text(encoding="utf-8")
        meeting_file.write_text(text.replace("。\n", "。量子暗号の検討。\n", 1), encoding="utf-8")
        again = RunStore(folder, "key")
        assert index_with(again, lang) == index_with(None, lang)
        assert again.reused == 7
        # Another code or configuration: nothing is read back.
        other = RunStore(folder, "other key")
        assert index_with(other, lang) == index_with(None, lang) and other.reused == 0
        meeting_file.write_text(text, encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "cache" / "ja").iterdir()) == ["runs.bin", "runs.json"]


@pytest.mark.parametrize("profile", ["summary", "verbatim"])
def test_a_chunk_holds_about_the_same_text_whatever_the_remarks_length(tmp_path, profile: str) -> None:
    """Verbatim turns are short: their chunks hold more of them, so a query reads about as
    many bytes and a committee's meeting is not dozens of files of index."""
    from devtools.synth import generate_archive

    generate_archive(tmp_path / "minutes", 6, seed=2, profile=profile)
    archive, _ = load_archive(tmp_path / "minutes")
    files = dict(search_build.search_index_files(index_archive(archive), "ja"))
    meta = json.loads(files["meta.json"])
    chunks = [json.loads(content)["d"] for name, content in files.items() if name.startswith("docs/")]
    assert [len(rows) for rows in chunks[:-1]] == [meta["chunk"]] * (len(chunks) - 1)
    assert sum(len(rows) for rows in chunks) == meta["docs"]
    text = [sum(len(row[6].encode()) for row in rows) for rows in chunks[:-1]]
    assert meta["chunk"] >= search_build.CHUNK
    mean = sum(text) / len(text)  # one long speech makes its chunk longer: the mean is what is sized
    assert 0.5 * search_build.CHUNK_TEXT_BYTES < mean < 2 * search_build.CHUNK_TEXT_BYTES, text
    if profile == "verbatim":
        assert meta["chunk"] > 2 * search_build.CHUNK
