#!/bin/sh
# cli-kill.sh: kill -9 during an import leaves whole articles only, and
# importing again completes the store.
. "$TESTLIB"

n=6000
mkdir "$T/many"
i=0
while [ $i -lt $n ]; do
	printf 'Bản tin số %d về mùa màng\n\n27/03/2020 - 11:38 AM\nĐoạn một của bài số %d nói về thời tiết và mùa vụ trong tỉnh.\nĐoạn hai của bài số %d nói về giá cả trên thị trường hôm nay.\nĐoạn ba của bài số %d nói về kế hoạch của ngành nông nghiệp.\n' \
		$i $i $i $i >"$T/many/$i.txt"
	i=$((i + 1))
done

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

for delay in 0.02 0.1 0.25; do
	test_expect_success "kill -9 after ${delay}s leaves whole articles" "
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
	test "$(partial k.db)" = 0
'

test_done
