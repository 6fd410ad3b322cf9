"""Tests of scripts/bench's data generator and helpers (no Java, no jar needed; a few seconds).

Run: python3 -B -m unittest scripts/test_bench.py
"""
import csv
import hashlib
import importlib.machinery
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import unittest
import zipfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
_loader = importlib.machinery.SourceFileLoader("bench", os.path.join(HERE, "bench"))
_spec = importlib.util.spec_from_loader("bench", _loader)
bench = importlib.util.module_from_spec(_spec)
_loader.exec_module(bench)

CONTROL = re.compile("[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})")


def digest(folder):
    h = hashlib.sha256()
    for name in ("models.csv", "tags.csv"):
        with open(os.path.join(folder, name), "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def read(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
        return list(csv.reader(f, strict=True))


class GeneratorTest(unittest.TestCase):
    N = 3000

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.folder = os.path.join(cls.tmp.name, "a")
        cls.stats = bench.generate(cls.folder, cls.N, 42)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_same_seed_gives_the_same_bytes_and_another_seed_others(self):
        again = os.path.join(self.tmp.name, "again")
        other = os.path.join(self.tmp.name, "other")
        bench.generate(again, self.N, 42)
        bench.generate(other, self.N, 43)
        self.assertEqual(digest(self.folder), digest(again))
        self.assertNotEqual(digest(self.folder), digest(other))

    def test_a_smaller_file_is_a_prefix_of_a_larger_one(self):
        small = os.path.join(self.tmp.name, "small")
        bench.generate(small, self.N // 10, 42)
        for name in ("models.csv", "tags.csv"):
            with open(os.path.join(small, name), "rb") as s, open(os.path.join(self.folder, name), "rb") as b:
                head = s.read()
                self.assertEqual(head, b.read(len(head)), name)

    def test_models_are_valid_rows_of_the_spec_shape(self):
        rows = read(self.folder, "models.csv")
        self.assertEqual(["name", "description", "task", "framework", "license", "url", "created", "status",
                          "successor", "tags"], rows[0])
        self.assertEqual(self.N, len(rows) - 1)
        keys = {}
        for line, row in enumerate(rows[1:]):
            self.assertEqual(10, len(row))
            name, desc, task, framework, licence, url, created, status, successor, inline = row
            self.assertEqual(name, unicodedata.normalize("NFC", name.strip()))
            self.assertTrue(0 < len(name) <= 200 and not CONTROL.search(name), name)
            self.assertNotIn(name.lower(), keys, "names are unique ignoring case")
            keys[name.lower()] = line
            self.assertFalse(re.search("[\u0000-\u0008\u000b-\u001f\u007f]", desc), desc)
            for value in (task, framework, licence):
                self.assertTrue(len(value) <= 100 and value == value.strip())
            self.assertTrue(url == "" or re.fullmatch(r"https?://[^\s/]+/\S+", url), url)
            self.assertTrue(created == "" or DATE.fullmatch(created) or DATE_TIME.fullmatch(created), created)
            self.assertIn(status.lower(), ("", "active", "deprecated", "archived"))
            if successor:
                self.assertEqual("deprecated", status)
                self.assertLess(keys.get(successor.lower(), line), line, "a successor is an earlier row")
        self.assertTrue(any("," in r[1] and '"' in r[1] for r in rows[1:]), "descriptions with commas and quotes")
        self.assertTrue(any(not r[1].isascii() for r in rows[1:]), "some non-ASCII descriptions")
        self.assertTrue(any("\n" in r[1] for r in rows[1:]), "some multi-line descriptions")

    def test_tags_are_valid_unique_and_counted(self):
        models = {r[0].lower(): r for r in read(self.folder, "models.csv")[1:]}
        rows = read(self.folder, "tags.csv")
        self.assertEqual(["model", "tag", "action"], rows[0])
        self.assertEqual(self.stats["tag_rows"], len(rows) - 1)
        pairs, tags_of = set(), {}
        for model, tag, action in rows[1:]:
            self.assertIn(model.lower(), models)
            canonical = bench.canonical_tag(tag)
            self.assertTrue(re.fullmatch(r"[\w.+/:-]{1,100}", canonical) and "_" not in canonical, canonical)
            self.assertNotIn((model.lower(), canonical), pairs, "no duplicate (model, tag)")
            pairs.add((model.lower(), canonical))
            self.assertIn(action, ("", "add", "remove"))
            if action != "remove":
                tags_of.setdefault(model.lower(), set()).add(canonical)
        self.assertEqual(self.stats["tag_pairs"], sum(len(t) for t in tags_of.values()))
        self.assertAlmostEqual(3.0, self.stats["tag_pairs"] / self.N, delta=0.2)
        for key, row in models.items():  # inline tags are a subset of the tags rows
            for tag in re.split(r"[;,|]", row[9]):
                if tag.strip():
                    self.assertIn(bench.canonical_tag(tag), tags_of.get(key, set()))
        wanted = {bench.canonical_tag(t) for t in bench.SEARCH_ALL}
        unwanted = bench.canonical_tag(bench.SEARCH_NONE)
        hits = sum(1 for key, tags in tags_of.items()
                   if wanted <= tags and unwanted not in tags and models[key][7].lower() != "archived")
        self.assertEqual(self.stats["search_hits"], hits)
        self.assertGreater(hits, 0, "the timed search finds something")


class VocabularyTest(unittest.TestCase):
    def test_about_500_distinct_tags_whose_variants_are_the_same_tag(self):
        vocab = bench.vocabulary()
        self.assertEqual(500, len({bench.canonical_tag(t) for t in vocab}))
        self.assertEqual(len(vocab), len({bench.canonical_tag(t) for t in vocab}))
        for tag in vocab:
            self.assertEqual(bench.canonical_tag(tag), bench.canonical_tag(bench.variant(tag)), tag)
        self.assertIn("Text Classification", [bench.variant(t) for t in vocab])

    def test_canonical_form_of_the_spec(self):
        self.assertEqual("text-classification", bench.canonical_tag("  Text__Classification "))
        self.assertEqual("dataset:common-voice", bench.canonical_tag("dataset:common_voice"))
        self.assertEqual("a-b", bench.canonical_tag("-a - b-"))


class HelpersTest(unittest.TestCase):
    def test_baseline_sql_quotes_paths_and_counts_both_tables(self):
        sql = bench.baseline_sql("/tmp/it's/models.csv", "/tmp/t.csv")
        self.assertIn("CSVREAD('/tmp/it''s/models.csv', NULL, 'charset=UTF-8')", sql)
        self.assertIn("PRIMARY KEY(model, tag)", sql)
        self.assertIn("SELECT 'models', COUNT(*) FROM models UNION ALL SELECT 'tags', COUNT(*) FROM tags", sql)

    def test_median_ignores_missing_values(self):
        self.assertEqual(2, bench.median_of([{"w": 3}, {"w": None}, {"w": 1}, {"w": 2}], "w"))
        self.assertIsNone(bench.median_of([{"w": None}], "w"))

    def test_an_unknown_measure_is_a_usage_error_naming_the_measures(self):
        with tempfile.TemporaryDirectory() as work:
            proc = subprocess.run([sys.executable, "-B", os.path.join(HERE, "bench"), "--only", "import-csv,nope",
                                   "--work", os.path.join(work, "w")], capture_output=True, text=True)
            self.assertEqual(1, proc.returncode)
            self.assertIn("unknown measure nope", proc.stderr)
            self.assertIn("import-h2", proc.stderr)
            self.assertFalse(os.path.exists(os.path.join(work, "w")), "nothing written")

    def test_a_second_benchmark_in_the_same_work_dir_is_refused(self):
        import fcntl
        with tempfile.TemporaryDirectory() as work:
            with open(os.path.join(work, "bench.lock"), "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                proc = subprocess.run([sys.executable, "-B", os.path.join(HERE, "bench"), "--models", "10",
                                       "--work", work], capture_output=True, text=True)
            self.assertEqual(1, proc.returncode)
            self.assertIn(f"another benchmark is running in {work}", proc.stderr)
            self.assertEqual(["bench.lock"], os.listdir(work), "nothing else written")

    def test_a_jar_rebuilt_during_the_run_fails_it(self):
        with tempfile.TemporaryDirectory() as work:
            jar = os.path.join(work, "app.jar")
            open(jar, "w").close()
            b = bench.Bench.__new__(bench.Bench)
            b.jar, b.jar_stamp = jar, os.stat(jar).st_mtime_ns
            b.check_jar_unchanged(work)
            os.utime(jar, ns=(b.jar_stamp + 10 ** 9, b.jar_stamp + 10 ** 9))
            with self.assertRaises(bench.Failed) as failure:
                b.check_jar_unchanged(work)
            self.assertIn("changed during the benchmark", str(failure.exception))

    def test_a_failing_process_reports_its_exit_code_and_output(self):
        with tempfile.TemporaryDirectory() as work:
            wall, rss, code = bench.run_timed([sys.executable, "-c", "import sys; print('oops', file=sys.stderr); "
                                               "sys.exit(3)"], work)
            self.assertEqual(3, code)
            self.assertGreater(rss, 0)
            b = bench.Bench.__new__(bench.Bench)
            with self.assertRaises(bench.Failed) as failure:
                b.check_exit("thing", work, code)
            self.assertIn("thing exited with 3", str(failure.exception))
            self.assertIn("oops", str(failure.exception))


class XlsxMeasuresTest(unittest.TestCase):
    @staticmethod
    def workbook(folder, data_rows):
        """A minimal xlsx: an about sheet first, then models (its part named by an absolute target)."""
        path = os.path.join(folder, "catalog.xlsx")
        rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>m{r}</t></is></c></row>'
                       for r in range(2, data_rows + 2))
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("xl/workbook.xml", '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                       'relationships"><sheets><sheet name="about" sheetId="1" r:id="rId1"/>'
                       '<sheet name="models" sheetId="2" r:id="rId2"/></sheets></workbook>')
            z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Type="t" '
                       'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="t" '
                       'Target="/xl/worksheets/sheet2.xml"/></Relationships>')
            z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
                       '<t>catalog-batch export</t></is></c></row><row r="2"/></sheetData></worksheet>')
            z.writestr("xl/worksheets/sheet2.xml", '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr">'
                       f'<is><t>name</t></is></c></row>{rows}</sheetData></worksheet>')
        return path

    def test_the_rows_of_the_named_sheet_are_counted_whatever_the_blocks_it_is_read_in(self):
        with tempfile.TemporaryDirectory() as work:
            path = self.workbook(work, 57)
            for chunk in (5, 7, 13, 64, 1 << 20):
                self.assertEqual(57, bench.xlsx_data_rows(path, "models", chunk), chunk)
            self.assertEqual(1, bench.xlsx_data_rows(path, "about"))
            with self.assertRaises(bench.Failed):
                bench.xlsx_data_rows(path, "tags")

    def test_the_workbook_imported_is_a_copy_without_the_mark_and_with_every_row(self):
        with tempfile.TemporaryDirectory() as work:
            path = self.workbook(work, 57)
            copy = bench.unmarked_copy(path, os.path.join(work, "unmarked.xlsx"))
            with zipfile.ZipFile(copy) as z:
                about = z.read("xl/worksheets/sheet1.xml")
            self.assertNotIn(b">catalog-batch export<", about)
            self.assertIn(b"catalog-batch export, unmarked", about)
            self.assertEqual(57, bench.xlsx_data_rows(copy, "models"))

    def test_an_import_of_the_workbook_that_fails_is_one_line_and_the_bench_goes_on(self):
        import argparse
        with tempfile.TemporaryDirectory() as work:
            b = bench.Bench.__new__(bench.Bench)
            b.runs, b.args = work, argparse.Namespace(keep=False)
            b.samples = {m: [] for m in bench.MEASURES}
            b.failed = {}
            logged = []
            b.log = logged.append
            b.run_cb = lambda folder, *arguments: bench.run_timed(
                [sys.executable, "-c", "import sys; print('catalog.xlsx refused: not UTF-8 text', file=sys.stderr);"
                 " sys.exit(1)"], folder)
            b.import_xlsx({"models": 10, "tag_pairs": 30}, 1, self.workbook(work, 10))
            self.assertEqual([], b.samples["import-xlsx"])
            self.assertIn("exited with 1", b.failed["import-xlsx"])
            self.assertIn("it said: catalog.xlsx refused: not UTF-8 text", b.failed["import-xlsx"])
            self.assertIn("FAILED, not measured", logged[-1])
            self.assertIn("issue #21 item 3", logged[-1])
            targets = "\n".join(b.targets_xlsx())
            self.assertIn("| import-xlsx / import-csv (whole process) | failed: ", targets)
            self.assertIn("| export-xlsx / export-raw (whole process) | not measured | 3.0 | |", targets)

    def test_the_xlsx_targets_are_ratios_of_the_same_run(self):
        b = bench.Bench.__new__(bench.Bench)
        b.failed = {}
        b.samples = {m: [] for m in bench.MEASURES}
        b.samples["export-raw"] = [{"wall": 10.0, "rss": 300e6}]
        b.samples["export-xlsx"] = [{"wall": 25.0, "rss": 500e6}]
        b.samples["import-csv"] = [{"wall": 20.0, "rss": 400e6}]
        b.samples["import-xlsx"] = [{"wall": 40.0, "rss": 600e6}]
        targets = "\n".join(b.targets_xlsx())
        self.assertIn("| export-xlsx / export-raw (whole process) | 2.50 | 3.0 | yes |", targets)
        self.assertIn("| import-xlsx / import-csv (whole process) | 2.00 | 1.5 | NO |", targets)
        self.assertIn("| peak RSS of export-xlsx above export-raw | 200 MB | 256 MB | yes |", targets)


if __name__ == "__main__":
    unittest.main()
