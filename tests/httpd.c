/*
 * httpd.c: the web server of the fetch tests, on 127.0.0.1 and a port the
 * system picks. Usage: httpd PORTFILE ROOT LOG. It writes its port to
 * PORTFILE, serves the files of ROOT, logs each request line with its
 * If-None-Match to LOG, and answers these paths its own way:
 *   /etag.xml   ROOT/rss2.xml with ETag "v1"; 304 to If-None-Match "v1"
 *   /moved      301 to /rss2.xml        /loop   302 to itself
 *   /gzip.xml   ROOT/atom.xml gzipped (Content-Encoding: gzip)
 *   /slow.xml   ROOT/rss1.rdf after 4 seconds
 *   /big.xml    50 MB of a feed that never ends, no Content-Length
 *   /bomb.xml   a gzip of 50 KB that inflates to 50 MB
 *   /busy       429 with Retry-After: 120
 *   /tofile     302 to file:///etc/passwd
 *   /trang-1258 ROOT/pages/cp1258.html as text/html; charset=windows-1258
 *   /go/NAME    302 to /pages/NAME
 * Other files go as text/html (.html), application/pdf (.pdf), or
 * application/xml.
 * A connection a process (fork); SIGTERM ends it.
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <zlib.h>

static const char *root, *logpath;

static void
say(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, s, n);

		if (k <= 0)
			return;
		s += k;
		n -= (size_t)k;
	}
}

static void
status(int fd, const char *line, const char *headers)
{
	char head[512];
	int n = snprintf(head, sizeof head, "HTTP/1.1 %s\r\n%sConnection: close\r\n"
	    "Content-Length: 0\r\n\r\n", line, headers);

	say(fd, head, (size_t)n);
}

/* The whole file at ROOT/name, or NULL. */
static char *
file(const char *name, size_t *n)
{
	char path[1024];
	FILE *f;
	char *data;
	long len;

	snprintf(path, sizeof path, "%s/%s", root, name);
	if (strstr(name, "..") != NULL || (f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	data = malloc((size_t)len + 1);
	*n = fread(data, 1, (size_t)len, f);
	fclose(f);
	return data;
}

static void
send_body(int fd, const char *type, const char *extra, const char *body, size_t n)
{
	char head[512];
	int k = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\n%s"
	    "Content-Length: %zu\r\nConnection: close\r\n\r\n", type, extra, n);

	say(fd, head, (size_t)k);
	say(fd, body, n);
}

/* n bytes gzipped (RFC 1952), into *out. */
static size_t
gzip(const char *in, size_t n, char **out)
{
	z_stream z;
	size_t cap = compressBound((uLong)n) + 64;

	memset(&z, 0, sizeof z);
	*out = malloc(cap);
	deflateInit2(&z, 9, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY);
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)*out;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	deflateEnd(&z);
	return cap - z.avail_out;
}

/* The type of a file, by its name. */
static const char *
type_of(const char *name)
{
	size_t k = strlen(name);

	if (k > 5 && strcmp(name + k - 5, ".html") == 0)
		return "text/html";
	if (k > 4 && strcmp(name + k - 4, ".pdf") == 0)
		return "application/pdf";
	return "application/xml";
}

static void
serve_typed(int fd, const char *name, const char *type, const char *extra)
{
	size_t n;
	char *body = file(name, &n);

	if (body == NULL) {
		status(fd, "404 Not Found", "");
		return;
	}
	send_body(fd, type, extra, body, n);
	free(body);
}

static void
serve_file(int fd, const char *name, const char *extra)
{
	serve_typed(fd, name, type_of(name), extra);
}

static void
serve(int fd)
{
	char req[8192], path[1024] = "", inm[256] = "";
	ssize_t got = 0, k;
	FILE *log;

	/* The request's head, all of it (the tests' requests are small). */
	while (got < (ssize_t)sizeof req - 1 && (k = read(fd, req + got,
	    sizeof req - 1 - (size_t)got)) > 0) {
		got += k;
		req[got] = '\0';
		if (strstr(req, "\r\n\r\n") != NULL)
			break;
	}
	req[got > 0 ? got : 0] = '\0';
	sscanf(req, "GET %1023s", path);
	for (char *h = strstr(req, "\r\n"); h != NULL; h = strstr(h + 2, "\r\n")) {
		if (strncasecmp(h + 2, "If-None-Match: ", 15) == 0)
			sscanf(h + 17, "%255[^\r]", inm);
	}
	if ((log = fopen(logpath, "a")) != NULL) {
		fprintf(log, "%s %s\n", path, inm);
		fclose(log);
	}
	if (strcmp(path, "/etag.xml") == 0) {
		if (strcmp(inm, "\"v1\"") == 0)
			status(fd, "304 Not Modified", "ETag: \"v1\"\r\n");
		else
			serve_file(fd, "rss2.xml", "ETag: \"v1\"\r\n");
	} else if (strcmp(path, "/moved") == 0) {
		status(fd, "301 Moved Permanently", "Location: /rss2.xml\r\n");
	} else if (strcmp(path, "/loop") == 0) {
		status(fd, "302 Found", "Location: /loop\r\n");
	} else if (strcmp(path, "/tofile") == 0) {
		status(fd, "302 Found", "Location: file:///etc/passwd\r\n");
	} else if (strcmp(path, "/trang-1258") == 0) {
		serve_typed(fd, "pages/cp1258.html", "text/html; charset=windows-1258", "");
	} else if (strncmp(path, "/go/", 4) == 0) {
		char where[1100];

		snprintf(where, sizeof where, "Location: /pages/%s\r\n", path + 4);
		status(fd, "302 Found", where);
	} else if (strcmp(path, "/busy") == 0) {
		status(fd, "429 Too Many Requests", "Retry-After: 120\r\n");
	} else if (strcmp(path, "/gzip.xml") == 0) {
		size_t n, zn;
		char *body = file("atom.xml", &n), *z;

		zn = gzip(body, n, &z);
		send_body(fd, "application/atom+xml", "Content-Encoding: gzip\r\n", z, zn);
		free(body);
		free(z);
	} else if (strcmp(path, "/bomb.xml") == 0) {
		size_t n = 50u << 20, zn;
		char *zeros = calloc(1, n), *z;

		memcpy(zeros, "<rss>", 5);
		zn = gzip(zeros, n, &z);
		send_body(fd, "application/xml", "Content-Encoding: gzip\r\n", z, zn);
		free(zeros);
		free(z);
	} else if (strcmp(path, "/slow.xml") == 0) {
		sleep(4);
		serve_file(fd, "rss1.rdf", "");
	} else if (strcmp(path, "/big.xml") == 0) {
		static char chunk[65536];
		const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n"
		    "Connection: close\r\n\r\n<rss version=\"2.0\"><channel><title>big</title>";

		say(fd, head, strlen(head));
		memset(chunk, ' ', sizeof chunk);
		for (int i = 0; i < 800; i++)
			say(fd, chunk, sizeof chunk);
	} else {
		serve_file(fd, path[0] == '/' ? path + 1 : path, "");
	}
}

int
main(int argc, char **argv)
{
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	FILE *f;
	int s;

	if (argc != 4)
		return 2;
	root = argv[2];
	logpath = argv[3];
	signal(SIGCHLD, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	s = socket(AF_INET, SOCK_STREAM, 0);
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) < 0 || listen(s, 64) < 0 ||
	    getsockname(s, (struct sockaddr *)&a, &len) < 0)
		return 1;
	if ((f = fopen(argv[1], "w")) == NULL)
		return 1;
	fprintf(f, "%d\n", ntohs(a.sin_port));
	fclose(f);
	for (;;) {
		int c = accept(s, NULL, NULL);

		if (c < 0)
			continue;
		if (fork() == 0) {
			close(s);
			serve(c);
			shutdown(c, SHUT_RDWR);
			close(c);
			_exit(0);
		}
		close(c);
	}
}
