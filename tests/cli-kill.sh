#!/bin/sh
# cli-kill.sh: kill -9 at 20 moments of an import of 20,000 articles,
# resuming it each time: the store stays sound with whole articles only,
# and in the end holds exactly what a clean import of the files makes.
. "$TESTLIB"

n=20000
mkdir "$T/many"
# awk writes the files: a shell loop takes seconds for 20,000.
awk -v n=$n -v dir="$T/many" 'BEGIN {
	for (i = 0; i < n; i++) {
		f = dir "/" i ".txt"
		printf "Bản tin số %d về mùa màng\n\n27/03/2020 - 11:38 AM\n", i >f
		printf "Đoạn một của bài số %d nói về thời tiết và mùa vụ trong tỉnh.\n", i >f
		printf "Đoạn hai của bài số %d nói về giá cả trên thị trường hôm nay.\n", i >f
		printf "Đoạn ba của bài số %d nói về kế hoạch của ngành nông nghiệp.\n", i >f
		close(f)
	}
}'

# Number of articles, 0 when killed before the schema was made.
articles() {
	if [ "$(sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE name = 'article'")" = 0 ]; then
		echo 0
	else
		sqlite3 "$1" "SELECT count(*) FROM article"
	fi
}

# Count articles that are not whole: three paragraphs each, all fields set.
# A kill before the schema was made leaves no table, and nothing partial.
partial() {
	if [ "$(articles "$1")" = 0 ]; then
		echo 0
		return
	fi
	sql "$1" "SELECT count(*) FROM article_text JOIN article USING (id) WHERE
		length(article_text.body) - length(replace(article_text.body, char(10), '')) != 2
		OR article.title NOT LIKE 'Bản tin số %' OR published != '2020-03-27T11:38'
		OR words < 30"
}

# A clean import first: the store the last test compares with, and the
# time the kills are spread over. Fixed moments (0.02 to 1.5 s) stopped
# landing once the import of these files took 1.2 s: the first round
# finished before its kill, and every later one had only duplicates.
start=$(date +%s%N)
"$LUOT" --db "$T/clean.db" import -q "$T/many" >/dev/null
ms=$(( ($(date +%s%N) - start) / 1000000 ))

# Twenty moments from 2 % to 100 % of that time, the same fractions on
# every run. A round after one that found the import complete starts a
# fresh store: otherwise one import a little faster than the clean one
# (a machine less loaded) leaves every later round only duplicates.
delays=$(awk -v ms="$ms" 'BEGIN { srand(20261202)
	for (i = 0; i < 20; i++) printf "%.3f\n", (0.02 + rand() * 0.98) * ms / 1000 }')
round=0
for delay in $delays; do
	round=$((round + 1))
	test_expect_success "kill -9 after ${delay}s (round $round, resuming) leaves whole articles" "
		if test \"\$(tail -n 1 counts 2>/dev/null)\" = $n; then rm -f k.db k.db-wal k.db-shm; fi
		\"\$LUOT\" --db k.db import -q many >/dev/null 2>&1 &
		pid=\$!
		sleep $delay
		kill -9 \$pid 2>/dev/null || true
		wait \$pid 2>/dev/null || true
		test \"\$(sqlite3 k.db 'PRAGMA integrity_check')\" = ok
		test \"\$(partial k.db)\" = 0
		articles k.db >>counts
	"
done

test_expect_success 'at least one kill landed in the middle of an import' '
	cat counts &&
	awk -v n=$n '"'"'$1 < n { hit = 1 } END { exit !hit }'"'"' counts
'

test_expect_success 'importing again completes the store' '
	"$LUOT" --db k.db import -q many >out &&
	test "$(sqlite3 k.db "SELECT count(*) FROM article")" = $n &&
	test "$(partial k.db)" = 0 &&
	"$LUOT" --db k.db check >/dev/null
'

test_expect_success '...with exactly what a clean import makes' '
	for db in k.db clean.db; do
		sql $db "SELECT hex(a.hash), a.title, a.published, a.words, t.body
			FROM article a JOIN article_text t USING (id) ORDER BY a.hash" >$db.dump || exit 1
	done &&
	test "$(wc -l <clean.db.dump)" -ge $n &&
	test_cmp clean.db.dump k.db.dump
'

test_done
