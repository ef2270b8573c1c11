// The output side of yaml.v2's emitter (emitterc.go): the column, the indentation stack and
// the two flags (whitespace, indention) that decide where spaces and line breaks go. Every
// writer in go-yaml-scalar.ts and go-yaml-emit.ts goes through these few calls, so the bytes
// come out as libyaml's state machine would write them. Columns count characters, as libyaml
// does (one per UTF-8 sequence), not bytes.

export const BEST_INDENT = 2;
/** yaml.v2 is created without a width, so the emitter's default of 80 applies. */
export const BEST_WIDTH = 80;

export class YamlOutput {
  private readonly parts: string[] = [];
  column = 0;
  /** The current indentation; -1 before the first block. */
  indent = -1;
  private readonly indents: number[] = [];
  /** The last thing written was whitespace (or nothing). */
  whitespace = true;
  /** Only indentation has been written on this line so far. */
  indention = true;
  // The context of the node being written (yaml_emitter_emit_node's flags).
  mappingContext = false;
  simpleKeyContext = false;

  text(): string {
    return this.parts.join('');
  }

  put(c: string): void {
    this.parts.push(c);
    this.column++;
  }

  putBreak(): void {
    this.parts.push('\n');
    this.column = 0;
  }

  /** Copies one character (a code point) of a value. */
  write(c: string): void {
    this.parts.push(c);
    this.column++;
  }

  /** write_break: a line feed becomes the output's break; other breaks are copied. */
  writeBreak(c: string): void {
    if (c === '\n') {
      this.putBreak();
    } else {
      this.parts.push(c);
      this.column = 0;
    }
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const c of indicator) this.write(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  restoreIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }
}
