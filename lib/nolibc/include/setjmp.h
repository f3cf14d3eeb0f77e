/* SPDX-License-Identifier: BSD-3-Clause */
/* setjmp/longjmp; the code is per architecture, in arch/<arch>/. */
#ifndef __NOLIBC_SETJMP_H__
#define __NOLIBC_SETJMP_H__

#if defined(__x86_64__)
/* The callee-saved registers: rbx rbp r12 r13 r14 r15, then rsp and rip. */
#define __NOLIBC_JMP_REGS	8
#elif defined(__aarch64__)
/* x19-x28, x29 (fp), x30 (lr), sp, then d8-d15. */
#define __NOLIBC_JMP_REGS	21
#else
#error "setjmp.h: no jmp_buf layout for this architecture yet"
#endif

typedef struct __jmp_buf_tag {
	unsigned long __regs[__NOLIBC_JMP_REGS];
} jmp_buf[1];

__attribute__((returns_twice)) int setjmp(jmp_buf env);
__attribute__((noreturn)) void longjmp(jmp_buf env, int val);

/* There are no signal masks to save: the _ variants are the same. */
__attribute__((returns_twice)) int _setjmp(jmp_buf env);
__attribute__((noreturn)) void _longjmp(jmp_buf env, int val);

#endif /* __NOLIBC_SETJMP_H__ */
