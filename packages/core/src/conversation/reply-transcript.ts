import type { PipelineEvent } from "../pipeline/pipeline-event.js";
import type { ConversationHistory } from "./conversation-history.js";

/**
 * What a run's reply said, from its events: every segment's written text, and
 * which segments had audio delivered. Feed it every event of one run, then
 * `recordInto` a conversation's history once the run has ended.
 */
export class ReplyTranscript {
  private readonly segments = new Map<number, string>();
  private readonly delivered = new Set<number>();
  private finished = false;
  private failed = false;

  observe(event: PipelineEvent): void {
    if (event.type === "segment") this.segments.set(event.index, event.text);
    else if (event.type === "audio") this.delivered.add(event.segmentIndex);
    else if (event.type === "error") this.failed = true;
    else if (event.type === "finish") this.finished = true;
  }

  /** The run finished without an error: the whole reply was delivered. */
  get complete(): boolean {
    return this.finished && !this.failed;
  }

  /** The reply as its segments' texts joined by one space: all of them when complete, else those whose audio was delivered. */
  text(): string {
    return [...this.segments]
      .filter(([index]) => this.complete || this.delivered.has(index))
      .sort(([a], [b]) => a - b)
      .map(([, text]) => text)
      .join(" ");
  }

  /**
   * Adds the reply to `history`: whole when complete; otherwise (stopped, failed)
   * up to the audio delivered, marked interrupted. `heardChars`, when the
   * player knows it, cuts the reply to what was heard (characters of `text()`
   * of the complete reply) and marks it interrupted.
   */
  recordInto(history: ConversationHistory, heardChars?: number): void {
    const full = [...this.segments].sort(([a], [b]) => a - b).map(([, text]) => text).join(" ");
    if (heardChars !== undefined && heardChars < full.length) {
      history.addAssistant(full.slice(0, heardChars), { interrupted: true });
      return;
    }
    history.addAssistant(this.text(), { interrupted: !this.complete });
  }
}
