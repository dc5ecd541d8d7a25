"""The Malay / Indonesian rules: marker words and spelling pairs make the right tag come out on
sentences written for this file, words both standards write decide nothing, and text either
could be is "und" rather than a wrong tag."""

from __future__ import annotations

import pytest

from seedkeeper.lang import closepairs, detect_language, warm_up


@pytest.fixture(scope="module", autouse=True)
def _warm():
    warm_up()


def voters_agree_on(result) -> str | None:
    """The language py3langid and CLD2 both put first in `result`'s explanation, if they agree."""
    py, cld = (dict(result.candidates)[name] for name in ("py3langid", "cld2"))
    return py[0][0] if py[0][0] == cld[0][0] else None


# ---------------------------------------------------------------- ms / id


@pytest.mark.parametrize(
    "text", ["Dia membeli tiket kerana harganya murah.", "Tolong tutup tingkap itu sebelum hujan."]
)
def test_malay_markers_give_malay(text):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == ("ms", "close-pair")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # mahu, jawapan, beza / beda, kenderaan / kendaraan, projek / proyek, -iti / -itas,
        # and the month names (Ogos / Agustus).
        ("Saya mahu tahu jawapan kepada soalan ini sebelum bulan Ogos.", "ms"),
        ("Kenderaan itu berbeza daripada projek komuniti kami.", "ms"),
        ("Saya ingin tahu hasilnya sebelum bulan Agustus karena proyek ini penting.", "id"),
        ("Kendaraan itu berbeda dari proyek komunitas kami.", "id"),
    ],
)
def test_spellings_of_each_standard_settle_malay_and_indonesian(text, lang):
    assert closepairs.marker_counts(text, frozenset({"id", "ms"}))[lang] >= 3
    result = detect_language(text)
    assert (result.lang, result.decided_by) == (lang, "close-pair")


@pytest.mark.parametrize(
    "text",
    [
        # Formal Indonesian that py3langid and a reliable CLD2 both call Malay: "bahwa" is a
        # spelling Malay never writes ("bahawa"), and nothing in it is Malay's own.
        "Menimbang bahwa kerjasama antara negara-negara perlu digalakkan.",
        "Kerajaan berpendapat bahwa rakyat mesti diberikan peluang yang sama.",
    ],
)
def test_a_malay_answer_contradicted_by_indonesian_spelling_is_indonesian(text):
    result = detect_language(text)
    assert voters_agree_on(result) == "ms"  # the detectors' answer, overturned
    assert (result.lang, result.decided_by) == ("id", "close-pair")


@pytest.mark.parametrize(
    "text",
    [
        # Words Malay writes too, in other senses: "bisa" (venom), "tanggal" (to come off);
        # "mau", "pikir" (colloquial); and "baharu", which KBBI writes beside "baru".
        "Pesakit yang dipatuk ular perlu segera dibawa ke hospital berhampiran supaya doktor dapat "
        "memberikan rawatan antibisa sebelum bisa itu merebak ke seluruh badan.",
        "Saya mau balik kampung minggu depan sebab emak saya sakit dan tiada siapa menjaga dia.",
        "Pemerintah daerah meresmikan gedung sekolah baharu yang dibangun dengan dana desa tahun ini.",
    ],
)
def test_words_both_standards_write_do_not_overturn_agreeing_detectors(text):
    result = detect_language(text)
    assert voters_agree_on(result) == result.lang  # py3langid and CLD2 agreed, and it stands


@pytest.mark.parametrize(
    ("text", "not_lang"),
    [
        # Kamus Dewan writes "jawaban" (its own example); Indonesian dictionaries "telefon".
        ("Menteri itu memberi jawaban sambil membidas pihak pembangkang di Dewan Rakyat.", "id"),
        ("Silakan hubungi kami melalui telefon untuk informasi lebih lanjut.", "ms"),
        # Serbian "točak" (wheel) and "kolovoz" (roadway); Bosnian "općina", "izvještaj";
        # Croatian "porodica" (in biology).
        ("Automobil ima četiri točka i rezervni točak u prtljažniku.", "hr"),
        ("Kolovoz je mokar i klizav, pa vozači treba da budu oprezni.", "hr"),
        ("Općina Centar je objavila izvještaj o budžetu za ovu godinu.", "hr"),
        ("Biljke iz porodice ruža uvijek cvatu u proljeće.", "bs"),
    ],
)
def test_words_the_other_standard_writes_too_decide_nothing(text, not_lang):
    assert detect_language(text).lang != not_lang


def test_what_rules_a_language_out_is_proof():
    from seedkeeper.lang.allowed import ruled_out

    # Malay "bisa" (venom), "tanggal" (to come off): no proof against Malay.
    assert "ms" not in ruled_out("Ular itu mempunyai bisa yang sangat kuat.", {"ms", "id"})
    assert "ms" not in ruled_out("Gigi susu kanak-kanak itu sudah tanggal semalam.", {"ms", "id"})
    assert ruled_out("Menimbang bahwa kerjasama antara negara-negara perlu digalakkan.", {"ms", "id"}) == ("ms",)


def test_a_word_of_each_standard_contradicts_nothing():
    result = detect_language("Kerajaan berpendapat bahwa rakyat mesti diberikan peluang yang sama kerana itu adil.")
    assert result.lang in ("ms", "und")


@pytest.mark.parametrize("text", ["Kami pergi ke pasar pada pagi hari.", "Terima kasih banyak"])
def test_text_both_write_the_same_is_und_not_indonesian(text):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == ("und", "close-pair-undecided")


# ---------------------------------------------------------------- id / ms


def test_one_word_of_one_standard_settles_indonesian_or_malay_when_the_detectors_are_torn():
    result = detect_language("Anak itu pergi ke sekolah naik sepeda setiap hari.")  # "sepeda"
    assert (result.lang, result.decided_by) == ("id", "close-pair")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Spellings and words of one standard only: "sesetengah", "mengandungi", "nombor",
        # "akaun" are Malay, "nomor", "akun", "surel", "formulir", "galat" Indonesian.
        ("Senarai ini mengandungi sesetengah nama yang salah.", "ms"),
        ("Sila masukkan nombor akaun anda di sini.", "ms"),
        ("Masukkan nomor akun Anda pada formulir ini.", "id"),
        ("Kirim surel ke alamat ini jika terjadi galat.", "id"),
    ],
)
def test_words_one_standard_writes_settle_indonesian_or_malay(text, expected):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == (expected, "close-pair"), result.to_dict(explain=True)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # Words both standards write are no markers; one word never overturns agreeing detectors.
        ("Kami naik kereta api dari Jakarta ke Bandung pada hari Minggu pagi bersama keluarga.", "ms"),
        ("Polis asuransi kesehatan itu diterbitkan oleh perusahaan setelah premi pertama dibayar.", "ms"),
        ("Mahkamah Konstitusi menolak gugatan para pemohon terhadap undang-undang pemilihan umum.", "ms"),
        ("Kuala Lumpur merupakan ibu negara Malaysia dan bandar yang paling ramai penduduk di negara ini.", "id"),
        ("Kaedah pengajaran ini didapati efektif untuk meningkatkan pencapaian murid di sekolah luar bandar.", "id"),
    ],
)
def test_shared_words_do_not_pick_indonesian_or_malay(text, wrong):
    assert detect_language(text).lang != wrong


@pytest.mark.parametrize(
    "text",
    [
        # Words Indonesian writes too ("borang" in accreditation), or Malaysian names and
        # personal names quoted in Indonesian news: never Malay markers.
        "Perguruan tinggi menyiapkan borang akreditasi untuk BAN-PT.",
        "Penyanyi Emel Mathlouthi dari Tunisia tampil di Java Jazz Festival.",
        "Kasus ini ditangani Jabatan Siasatan Jenayah Bukit Aman.",
    ],
)
def test_indonesian_with_shared_words_or_malaysian_names_is_not_malay(text):
    assert detect_language(text).lang != "ms"


def test_words_indonesian_writes_too_are_not_malay_markers():
    # "boleh", "mesti", "semasa" are standard Indonesian as well: no evidence either way.
    group = frozenset({"id", "ms"})
    assert closepairs.evidence("Tidak seorang pun boleh masuk semasa rapat, kamu mesti tunggu.", group) == {
        "id": 0.0,
        "ms": 0.0,
    }
    # "senarai" is in Indonesian dictionaries: no marker. (It is ~80 times more frequent in Malay
    # text, so when the detectors are torn on a sentence whose other words both standards write,
    # the word frequencies settle it Malay: see test_lang_lexicon.py.)
    text = "Ini senarai buku baru perpustakaan yang diumumkan setiap bulan."
    assert closepairs.evidence(text, group) == {"id": 0.0, "ms": 0.0}


def test_py3langid_language_list_matches_its_model():
    from seedkeeper.lang import voters
    from seedkeeper.lang.tags import PY3LANGID_LANGS, normalise

    classes = voters._py3langid().nb_classes
    known = {normalise(code, script) for code in classes for script in (None, "Latin", "Cyrillic")} - {None}
    # zh is tagged by script as zh-Hans / zh-Hant.
    assert PY3LANGID_LANGS - {"zh-Hans", "zh-Hant"} == known
