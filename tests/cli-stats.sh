#!/bin/sh
# cli-stats.sh: stats --by source and --by month on articles whose
# sources, dates and stories are known: the share of later copies, the
# months a source has no article in, every month listed with the empty
# ones, the undated apart; JSON; a bad --by.
. "$TESTLIB"

db="$T/st.db"
# The stories fixture: one story carried by three papers (Quảng Ngãi
# first, then Dân Sinh and Tin tức in March 2025), a rerun in April and
# another paper's own report; then Quảng Ngãi in July, and an undated
# article of a paper with no other.
"$LUOT" --db "$db" import -q "$TESTDATA/stories" >/dev/null
cat >"$T/more.jsonl" <<EOF
{"title": "Quảng Ngãi khởi công tuyến đường ven biển nối hai khu kinh tế", "date": "2025-07-02T08:00:00+07:00", "source": "Báo Quảng Ngãi", "url": "https://baoquangngai.vn/a/1.htm", "content": "Sáng 2/7, tỉnh Quảng Ngãi khởi công tuyến đường ven biển dài 28 km nối Khu kinh tế Dung Quất với khu công nghiệp phía nam.\n\nTuyến đường có bốn làn xe, vốn hơn hai nghìn tỷ đồng, dự kiến hoàn thành sau ba năm thi công theo kế hoạch đã được phê duyệt."}
{"title": "Chợ nổi Ngã Bảy đông vui trở lại sau mùa nước nổi", "source": "Báo Hậu Giang", "content": "Những ngày này, chợ nổi Ngã Bảy lại tấp nập ghe xuồng chở trái cây, rau củ từ các vườn ven sông đổ về từ lúc trời chưa sáng.\n\nTiểu thương cho biết lượng khách du lịch tăng rõ so với năm trước, nhiều đoàn thuê xuồng nhỏ đi dọc chợ để mua trái cây tại chỗ."}
EOF
"$LUOT" --db "$db" import -q "$T/more.jsonl" >/dev/null

test_expect_success 'stats --by source: articles, first and last day, copies, months with none' '
	"$LUOT" --db "$db" stats --by source >out &&
	head -n 1 out | grep -q "^Articles  First  *Last  *Copies  Gaps  Source$" &&
	grep -q "^ *3  2025-03-10  2025-07-02  *0\.0%  *2  Báo Quảng Ngãi$" out &&
	grep -A1 "Báo Quảng Ngãi$" out | grep -q "^ *no articles: 2025-05\.\.2025-06$" &&
	grep -q "^ *1  2025-03-10  2025-03-10  *100\.0%  *0  Báo Dân Sinh$" out &&
	grep -q "^ *1  -  *-  *0\.0%  *0  Báo Hậu Giang$" out
'

test_expect_success '  --json: one object a source, its empty months listed' '
	"$LUOT" --db "$db" stats --by source --json >j &&
	test "$(wc -l <j)" = 5 &&
	jq -s -e "map(select(.source == \"Báo Quảng Ngãi\"))[0] |
		.articles == 3 and .first == \"2025-03-10\" and .last == \"2025-07-02\" and
		.copies == 0 and .gap_months == [\"2025-05\", \"2025-06\"]" j &&
	jq -s -e "map(.copies) | add == 2" j &&
	jq -s -e "map(select(.source == \"Báo Hậu Giang\"))[0] | .first == null and .gap_months == []" j
'

test_expect_success 'stats --by month: every month from the first to the last, the undated last' '
	"$LUOT" --db "$db" stats --by month >out &&
	cat >want <<-EOF &&
	Month    Articles  Sources  Copies
	2025-03         4        4   50.0%
	2025-04         1        1    0.0%
	2025-05         0        0       -
	2025-06         0        0       -
	2025-07         1        1    0.0%
	undated         1        1    0.0%
	EOF
	test_cmp want out &&
	"$LUOT" --db "$db" stats --by month --json >j &&
	jq -s -e "length == 6 and .[2] == {month: \"2025-05\", articles: 0, sources: 0, copies: 0} and
		.[5].month == null and .[0].copies == 2" j
'

test_expect_success 'the copies follow regroup: apart, none is a copy' '
	"$LUOT" --db "$db" regroup --likeness 0.99 >/dev/null &&
	"$LUOT" --db "$db" stats --by month --json | jq -s -e "map(.copies) | add == 0"
'

test_expect_success 'a bad --by is a usage error' '
	{ "$LUOT" --db "$db" stats --by week 2>err; test $? = 2; } &&
	grep -q "\-\-by is source or month" err
'

test_expect_success 'an empty database: the heading alone' '
	"$LUOT" --db "$T/empty.db" stats --by month >out &&
	test "$(wc -l <out)" = 1 &&
	"$LUOT" --db "$T/empty.db" stats --by source --json >j &&
	test ! -s j
'
test_done
