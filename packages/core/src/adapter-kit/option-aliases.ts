/** Deprecated option names still accepted: each old name with the new names it stands for. */
export type OptionAliases = Readonly<Record<string, readonly string[]>>;

const warningsByOptions = new WeakMap<object, readonly string[]>();

/**
 * One warning line per deprecated name present in `input` (options as
 * validated, before the old names are mapped), naming the new key and saying
 * which one wins when both are given.
 */
export function aliasWarnings(adapter: string, input: Readonly<Record<string, unknown>>, aliases: OptionAliases): string[] {
  const warnings: string[] = [];
  for (const [old, targets] of Object.entries(aliases)) {
    if (input[old] === undefined) continue;
    const given = targets.filter((key) => input[key] !== undefined);
    const taken = targets.filter((key) => input[key] === undefined);
    const prefix = `${adapter}: the option \`${old}\` is deprecated`;
    if (taken.length === 0) {
      warnings.push(`${prefix} and ignored, because ${names(given)} ${given.length > 1 ? "are also set and the new names win" : "is also set and the new name wins"}; remove \`${old}\`.`);
    } else if (given.length > 0) {
      warnings.push(`${prefix}; ${names(given)} is also set and wins, so \`${old}\` now sets only ${names(taken)}: rename it to that.`);
    } else {
      warnings.push(`${prefix}; rename it to ${names(taken)}${taken.length > 1 ? " (it sets both)" : ""}.`);
    }
  }
  return warnings;
}

/** Remembers the alias warnings of validated options, for the factory to log when the provider is created. */
export function withAliasWarnings<T extends object>(options: T, warnings: readonly string[]): T {
  if (warnings.length > 0) warningsByOptions.set(options, warnings);
  return options;
}

/** The alias warnings remembered for the first of `candidates` that has any. */
export function aliasWarningsOf(...candidates: readonly unknown[]): readonly string[] {
  for (const candidate of candidates) {
    const warnings = typeof candidate === "object" && candidate !== null ? warningsByOptions.get(candidate) : undefined;
    if (warnings) return warnings;
  }
  return [];
}

const names = (keys: readonly string[]): string => keys.map((key) => `\`${key}\``).join(" and ");
