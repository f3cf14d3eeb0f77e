/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * "paths": booted without an initrd, the root is a tmpfs holding only
 * /tmp and /dev, and the working directory is "/". Names every Linux
 * host has (/etc) are answered '~'; what holds on any Linux is
 * compared ("files" tries the rest).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "sc.h"

WORD(paths)
{
	char buf[64];

	kiln("paths", "open /etc/hostname", open("/etc/hostname", O_RDONLY));
	kiln("paths", "access /etc", access("/etc", F_OK));
	say("paths", "chdir /tmp", chdir("/tmp"));
	say("paths", "open /no/such/dir/file",
	    open("/no/such/dir/file", O_RDONLY));
	say("paths", "creat /no/such/dir/file",
	    open("/no/such/dir/file", O_CREAT | O_WRONLY, 0644));
	say("paths", "open empty name", open("", O_RDONLY));
	say("paths", "open / for writing", open("/", O_WRONLY));
	say("paths", "access / R_OK", access("/", R_OK));
	say("paths", "chdir /", chdir("/"));
	say("paths", "getcwd is /", getcwd(buf, sizeof(buf)) &&
	    !strcmp(buf, "/"));
	say("paths", "getcwd into 1 byte", getcwd(buf, 1) ? 0 : -1);
	say("paths", "readlink /", readlink("/", buf, sizeof(buf)));
	say("paths", "readlink /no/such", readlink("/no/such", buf,
						   sizeof(buf)));
	return 1;
}
