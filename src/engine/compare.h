/* A table beside last year's: each value column made three (本年 上年 增减),
 * shared by the text rendering and the editing screen so the two agree. */
#ifndef NIANBAO_COMPARE_H
#define NIANBAO_COMPARE_H

struct fblock;
struct report;
struct value;

/* Block b with each leaf column made a group of three leaves, 本年 上年
 * 增减: column c of b is columns 3c, 3c+1, 3c+2 of the result. Rows are b's. */
struct fblock *compare_block(const struct fblock *b);
void compare_block_free(struct fblock *cb);

/* The change from last year's value w to this year's v: "+4", "-2", "0";
 * "" when either is not a number (a blank, a text). Never NULL. */
char *compare_change(const struct value *v, const struct value *w);

/* The texts of compare_block(b): now[i] (this year's texts of b's cells,
 * taken over and freed) beside last year's value of the same cell in prev
 * and the change. NULL-terminated, 3 * b's cells long. */
char **compare_texts(const struct report *r, const struct report *prev, const struct fblock *b,
		     char **now);

#endif
