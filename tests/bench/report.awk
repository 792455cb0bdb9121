# report.awk: the tables of tests/bench/report.sh. Each input file holds the
# "key value" lines of one column, smallest size first.
#
# The main table (the default) has a column per size of the generated
# corpus, the target with its mark for the largest size, and how the figure
# the target judges (else the row's first) grew from the smallest size.
# With -v table=real the columns come in pairs, the generated corpus and
# the real-text one at each size, fewer rows, and the marks judge the last
# column (the real text at the largest size); no growth.
#
# A row: label | cell format | keys | target | key judged | op | bound.
# A row of one field starting with '#' opens a section.
BEGIN {
	if (table == "real") {
		nrow = split("\
#Corpus (search-bench --files, --from the crawl for the real text)\n\
articles imported|%.0f|imported\n\
raw text: title, body and captions as stored|%.0f MB|raw_mb\n\
#Import (luot import -q, end to end)\n\
articles/s|%.0f|import_aps|≥ 2000|import_aps|>=|2000\n\
database / raw text|%.2f|db_over_raw|≤ 2|db_over_raw|<=|2\n\
luot index / raw text|%.2f|luot_index_over_raw\n\
plain FTS5 index / raw text|%.2f|plain_index_over_raw\n\
#Search: the fixed queries of queries.c, first page of 50 with snippets (best of 3)\n\
queries|%.0f|queries\n\
luot first page ranked, p50 / p99|%.1f / %.1f ms|page_p50,page_p99|p99 ≤ 50 ms|page_p99|<=|50\n\
luot first page newest first, p50 / p99|%.1f / %.1f ms|date_p50,date_p99|p99 ≤ 50 ms|date_p99|<=|50\n\
luot ranking every hit, p50 / p99|%.1f / %.1f ms|full_p50,full_p99\n\
plain FTS5 ranking every hit, p50 / p99 (queries)|%.1f / %.1f ms (%d)|plain_p50,plain_p99,plain_n\n\
luot / plain, both ranking every hit: median / p90 of the per-query ratio|%.2f / %.2f|full_over_plain_p50,full_over_plain_p90|p90 ≤ 1.5|full_over_plain_p90|<=|1.5", rows, "\n")
	} else nrow = split("\
#Corpus (search-bench --files)\n\
articles imported|%.0f|imported\n\
input page files|%.0f MB|input_mb\n\
raw text: title, body and captions as stored|%.0f MB|raw_mb\n\
#Import (luot import -q, end to end: read, extract, store, index)\n\
time|%.1f s|import_s\n\
articles/s|%.0f|import_aps|≥ 2000|import_aps|>=|2000\n\
MB/s of input files|%.1f|import_mbps\n\
peak RSS|%.0f MB|import_rss_mb\n\
database / raw text|%.2f|db_over_raw|≤ 2|db_over_raw|<=|2\n\
  the same less the pages merges freed (reused by the next import)|%.2f|db_used_over_raw\n\
database / input files|%.2f|db_over_input\n\
luot index / raw text|%.2f|luot_index_over_raw\n\
#Search: the fixed queries of queries.c, first page of 50 with snippets (luot, plain: best of 3; LIKE, grep: one run)\n\
queries|%.0f|queries\n\
luot first page, p50 / p99|%.1f / %.1f ms|page_p50,page_p99|p99 ≤ 50 ms|page_p99|<=|50\n\
luot first page newest first, p50 / p99|%.1f / %.1f ms|date_p50,date_p99|p99 ≤ 50 ms (issue 22)|date_p99|<=|50\n\
luot ranking every hit, p50 / p99|%.1f / %.1f ms|full_p50,full_p99\n\
plain FTS5 (unicode61 remove_diacritics 2), p50 / p99 (queries)|%.1f / %.1f ms (%d)|plain_p50,plain_p99,plain_n\n\
luot / plain, both ranking every hit: median / p90 of the per-query ratio|%.2f / %.2f|full_over_plain_p50,full_over_plain_p90|p90 ≤ 1.5|full_over_plain_p90|<=|1.5\n\
LIKE scan of the plain rows, p50 / p99 (queries)|%.1f / %.1f ms (%d)|like_p50,like_p99,like_n\n\
LIKE / luot first page: median / lowest per-query ratio|%.0f / %.0f|like_over_page_p50,like_over_page_min|median ≥ 100|like_over_page_p50|>=|100\n\
grep -ril over the files, p50 / p99 (queries)|%.1f / %.1f ms (%d)|grep_p50,grep_p99,grep_n\n\
grep / luot first page: median / lowest per-query ratio|%.0f / %.0f|grep_over_page_p50,grep_over_page_min\n\
plain table: copying the text / FTS5 build|%.1f / %.1f s|plain_copy_s,plain_build_s\n\
plain FTS5 index / raw text|%.2f|plain_index_over_raw\n\
#Interface (ui-bench.sh)\n\
first screen|%.1f ms|ui_first_ms|≤ 100 ms|ui_first_ms|<=|100\n\
scroll key, p50 / p99 (keys)|%.2f / %.2f ms (%d)|ui_scroll_p50,ui_scroll_p99,ui_scroll_n|p99 ≤ 16 ms|ui_scroll_p99|<=|16\n\
search as you type, per key, p50 / p99 (keys)|%.1f / %.1f ms (%d)|ui_key_p50,ui_key_p99,ui_key_n|p99 ≤ 50 ms (issue 5)|ui_key_p99|<=|50\n\
hits ranked once typing pauses, p50 / p99|%.1f / %.1f ms|ui_rank_p50,ui_rank_p99\n\
peak RSS|%.1f MB|ui_rss_mb|≤ 40 MB|ui_rss_mb|<=|40\n\
#Run time of this report\n\
writing the page files (– when reused)|%.0f s|gen_s\n\
import|%.0f s|import_s\n\
plain table, copy and build|%.0f s|plain_s\n\
luot and plain queries|%.0f s|queries_run_s\n\
LIKE scans|%.0f s|like_run_s\n\
grep|%.0f s|grep_run_s\n\
interface|%.0f s|ui_s", rows, "\n")
}

FNR == 1 { ncol++ }
{ v[ncol, $1] = $2 }

function num(c, k) { return (c SUBSEP k) in v && v[c, k] != "-" && v[c, k] != "" }

# Keys made from others, for column c; left out when an input is missing.
function derive(c,    k) {
	if (num(c, "input_bytes")) v[c, "input_mb"] = v[c, "input_bytes"] / 1e6
	if (num(c, "raw_text_bytes")) v[c, "raw_mb"] = v[c, "raw_text_bytes"] / 1e6
	if (num(c, "import_s") && v[c, "import_s"] > 0) {
		v[c, "import_aps"] = v[c, "imported"] / v[c, "import_s"]
		v[c, "import_mbps"] = v[c, "input_bytes"] / v[c, "import_s"] / 1e6
	}
	if (num(c, "import_rss_kb")) v[c, "import_rss_mb"] = v[c, "import_rss_kb"] / 1024
	if (num(c, "raw_text_bytes") && v[c, "raw_text_bytes"] > 0) {
		v[c, "db_over_raw"] = v[c, "db_bytes"] / v[c, "raw_text_bytes"]
		if (num(c, "db_free_bytes"))
			v[c, "db_used_over_raw"] = (v[c, "db_bytes"] - v[c, "db_free_bytes"]) / v[c, "raw_text_bytes"]
		v[c, "luot_index_over_raw"] = v[c, "luot_index_bytes"] / v[c, "raw_text_bytes"]
		v[c, "plain_index_over_raw"] = v[c, "plain_index_bytes"] / v[c, "raw_text_bytes"]
	}
	if (num(c, "input_bytes") && v[c, "input_bytes"] > 0)
		v[c, "db_over_input"] = v[c, "db_bytes"] / v[c, "input_bytes"]
	if (num(c, "plain_copy_s")) v[c, "plain_s"] = v[c, "plain_copy_s"] + v[c, "plain_build_s"]
	if (num(c, "luot_run_s")) v[c, "queries_run_s"] = v[c, "luot_run_s"] + v[c, "plain_run_s"]
}

# 10000 as 10k, 1000000 as 1M.
function size(n) {
	if (n >= 1000000 && n % 1000000 == 0) return n / 1000000 "M"
	if (n >= 1000 && n % 1000 == 0) return n / 1000 "k"
	return n
}

function cell(c, fmt, keys,    k, nk, a, i) {
	nk = split(keys, k, ",")
	for (i = 1; i <= nk; i++) {
		if (!num(c, k[i]) || v[c, k[i]] < 0)
			return "–"
		a[i] = v[c, k[i]]
	}
	return sprintf(fmt, a[1], a[2], a[3])
}

function met(x, op, bound) {
	return op == "<=" ? x <= bound : x >= bound
}

# Column c's heading: its size (the number of articles asked for, not
# those imported), and its corpus in the real table.
function heading(c,    h) {
	h = size(v[c, "size"] != "" ? v[c, "size"] : v[c, "articles"] != "" ? v[c, "articles"] : v[c, "imported"])
	if (table == "real")
		h = h " " (v[c, "corpus"] != "" ? v[c, "corpus"] : "generated")
	return h
}

END {
	if (table == "real")
		grows = 0
	else
		grows = ncol > 1
	for (c = 1; c <= ncol; c++)
		derive(c)
	printf "| |"
	for (c = 1; c <= ncol; c++)
		printf " %s |", heading(c)
	printf " target (at 1M; marked at %s) |", heading(ncol)
	if (grows)
		printf " growth, %s to %s |", size(v[1, "articles"]), size(v[ncol, "articles"])
	printf "\n|---|"
	for (c = 1; c <= ncol + 1 + grows; c++)
		printf "---|"
	printf "\n"
	for (r = 1; r <= nrow; r++) {
		if (rows[r] ~ /^#/) {
			printf "| **%s** |", substr(rows[r], 2)
			for (c = 1; c <= ncol + 1 + grows; c++)
				printf " |"
			printf "\n"
			continue
		}
		split(rows[r], f, "|")
		printf "| %s |", f[1]
		for (c = 1; c <= ncol; c++)
			printf " %s |", cell(c, f[2], f[3])
		judged = f[5] != "" ? f[5] : f[3]
		sub(/,.*/, "", judged)
		mark = ""
		if (f[4] != "" && num(ncol, judged))
			mark = met(v[ncol, judged], f[6], f[7]) ? " ✓" : " ✗"
		printf " %s%s |", f[4], mark
		if (grows && num(1, judged) && num(ncol, judged) && v[1, judged] > 0)
			printf " ×%.2f |", v[ncol, judged] / v[1, judged]
		else if (grows)
			printf " |"
		printf "\n"
	}
}
