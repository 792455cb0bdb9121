#!/bin/sh
# cli-feeds.sh: the feeds subscribed to: feed add, rm, import (OPML);
# feeds as a table, JSON Lines and OPML, which another luot reads back.
. "$TESTLIB"

db="$T/f.db"
vnx=https://vnexpress.net/rss/tin-moi-nhat.rss
tto=https://tuoitre.vn/rss/thoi-su.rss

test_expect_success 'feed add subscribes, with a tag; the same URL again is said and kept once' '
	"$LUOT" --db "$db" feed add "$vnx" "$tto" -t "tin tức" >out &&
	grep -qx "subscribed to 2 feeds" out &&
	"$LUOT" --db "$db" feed add "$vnx" >out 2>err &&
	grep -qx "subscribed to 0 feeds" out &&
	grep -q "$vnx: subscribed already" err &&
	test "$("$LUOT" --db "$db" feeds --json | wc -l)" = 2
'

test_expect_success 'a bad address adds nothing, not even the good ones with it' '
	{ "$LUOT" --db "$db" feed add "javascript:alert(1)" https://a.vn/r.rss 2>err; test $? = 2; } &&
	grep -q "javascript:alert(1): not a feed address" err &&
	{ "$LUOT" --db "$db" feed add "ftp://a.vn/r" 2>err; test $? = 2; } &&
	test "$("$LUOT" --db "$db" feeds --json | wc -l)" = 2
'

test_expect_success 'feeds --json: every key, the tag, never fetched yet' '
	"$LUOT" --db "$db" feeds --json >j &&
	jq -s -e "length == 2 and all(.[]; .tag == \"tin tức\" and .fetched == null and
		.full_text == true and .articles == 0) and .[0].url == \"$vnx\"" j &&
	jq -c "keys" j | sort -u >keys &&
	echo "[\"added\",\"articles\",\"error\",\"fetched\",\"full_text\",\"id\",\"status\",\"tag\",\"title\",\"url\"]" >want &&
	test_cmp want keys
'

test_expect_success 'feed import reads OPML: folders are tags, entities read, a bad address named' '
	{ "$LUOT" --db "$db" feed import "$TESTDATA/opml/subscriptions.opml" >out 2>err; test $? = 1; } &&
	grep -qx "subscribed to 2, already 1, not feed addresses 1" out &&
	grep -q "ftp://x.vn/feed: not a feed address" err &&
	"$LUOT" --db "$db" feeds --json >j &&
	jq -s -e "any(.[]; .url == \"https://dantri.com.vn/rss/xa-hoi.rss\" and
		.title == \"Dân trí & Xã hội\" and .tag == \"Thời sự\")" j &&
	jq -s -e "any(.[]; .url == \"https://nhandan.vn/rss/home.rss\" and .tag == null)" j
'

test_expect_success 'feeds: a line a feed, its title or else its URL, its tag' '
	"$LUOT" --db "$db" feeds >t &&
	test "$(wc -l <t)" = 4 &&
	grep -q "never fetched  *Dân trí & Xã hội  #Thời sự$" t &&
	grep -q "never fetched  *$vnx  #tin tức$" t
'

test_expect_success 'feeds --opml is read back by feed import: the same feeds and tags' '
	"$LUOT" --db "$db" feeds --opml >mine.opml &&
	grep -q "text=\"Dân trí &amp; Xã hội\"" mine.opml &&
	"$LUOT" --db copy.db feed import mine.opml >out &&
	grep -qx "subscribed to 4, already 0, not feed addresses 0" out &&
	"$LUOT" --db "$db" feeds --json | jq -c "[.url, .tag]" >a &&
	"$LUOT" --db copy.db feeds --json | jq -c "[.url, .tag]" >b &&
	test_cmp a b
'

test_expect_success 'feed rm by URL or id; one that is not there is said' '
	id=$("$LUOT" --db "$db" feeds --json | jq -r "select(.url == \"$tto\") | .id") &&
	{ "$LUOT" --db "$db" feed rm "$id" https://nhandan.vn/rss/home.rss 99 2>err; test $? = 1; } &&
	grep -q "no feed 99" err &&
	test "$("$LUOT" --db "$db" feeds --json | wc -l)" = 2 &&
	! "$LUOT" --db "$db" feeds | grep -q "tuoitre\|nhandan"
'

test_expect_success 'usage: a verb is wanted; OPML that is not OPML is said' '
	{ "$LUOT" --db "$db" feed frob 2>err; test $? = 2; } &&
	grep -q "feed wants add, rm or import" err &&
	{ "$LUOT" --db "$db" feed import "$TESTDATA/feeds/rss2.xml" 2>err; test $? = 1; } &&
	grep -q "not OPML" err &&
	{ "$LUOT" --db "$db" feeds --json --opml 2>err; test $? = 2; } &&
	grep -q "not both" err
'

test_done
