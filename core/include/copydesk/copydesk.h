/* copydesk.h - the whole public API of libcopydesk. */
#ifndef COPYDESK_H
#define COPYDESK_H

#include "desk.h"
#include "article.h"
#include "annotate.h"
#include "claims.h"
#include "text.h"
#include "parse.h"
#include "io.h"
#include "export.h"
#include "config.h"
#include "stats.h"
#include "release.h"
#include "search.h"
#include "agree.h"
#include "gold.h"
#include "users.h"

#endif
