#ifndef KUBEBOOK_CEDITLINE_SHIM_H
#define KUBEBOOK_CEDITLINE_SHIM_H
// libedit's readline interface (Debian's libedit-dev): its header needs FILE from stdio.h.
#include <stdio.h>
#include <editline/readline.h>

// libedit keeps its settings in global variables, which Swift 6 does not let code touch
// directly; these functions are the only places that do.

/// Names the program (for ~/.editrc), splits words at blanks only and installs `complete`.
static inline void kubebook_editline_setup(const char *name, rl_completion_func_t *complete) {
  rl_readline_name = name;
  rl_completer_word_break_characters = (char *)" \t\n";
  rl_attempted_completion_function = complete;
}

/// The line being edited and the cursor's byte offset in it.
static inline const char *kubebook_editline_buffer(int *point) {
  *point = rl_point;
  return rl_line_buffer;
}

/// Says how a completion ends: no file-name completion afterwards, and the character added
/// after a unique match (0 for none).
static inline void kubebook_editline_completion_ends(int append_character) {
  rl_attempted_completion_over = 1;
  rl_completion_append_character = append_character;
}
#endif
