import type { CorpusGroup } from "./corpus-case.js";

export const emails: CorpusGroup = {
  category: "emails",
  cases: [
    ["john@example.com", "john at example dot com"],
    ["john.doe@example.com", "john dot doe at example dot com"],
    ["jane_doe@mail.example.org", "jane underscore doe at mail dot example dot org"],
    ["support-team@voxpipe.dev", "support dash team at voxpipe dot dev"],
    ["bob+news@gmail.com", "bob plus news at gmail dot com"],
    ["user42@host.io", "user forty two at host dot io"],
    ["Write to info@acme.co.uk.", "Write to info at acme dot co dot uk."],
    ["Email me at a.b@c.com, thanks", "Email me at a dot b at c dot com, thanks"],
    ["(admin@site.net)", "(admin at site dot net)"],
    ["@ alone", "at alone"],
  ],
};

export const urls: CorpusGroup = {
  category: "urls",
  cases: [
    ["https://example.com", "example dot com"],
    ["http://example.com/", "example dot com"],
    ["https://www.example.com/docs", "example dot com slash docs"],
    ["https://example.com/docs?page=2", "example dot com slash docs question mark page equals two"],
    ["Visit https://www.example.com/docs?page=2.", "Visit example dot com slash docs question mark page equals two."],
    ["https://github.com/user/repo", "github dot com slash user slash repo"],
    ["https://api.example.com:8080/v1", "api dot example dot com colon eight zero eight zero slash v one"],
    ["www.google.com", "google dot com"],
    ["example.com", "example dot com"],
    ["Go to voxpipe.dev today.", "Go to voxpipe dot dev today."],
    ["openai.com/blog", "openai dot com slash blog"],
    ["my-site.org", "my dash site dot org"],
    ["See (https://example.org).", "See (example dot org)."],
    ["file.txt", "file.txt"],
    ["Node.js", "Node.js"],
  ],
};

export const hashtags: CorpusGroup = {
  category: "hashtags",
  cases: [
    ["#MachineLearning", "hashtag machine learning"],
    ["#ai", "hashtag ai"],
    ["#AI", "hashtag AI"],
    ["#TBT", "hashtag TBT"],
    ["#100DaysOfCode", "hashtag one hundred days of code"],
    ["#Web3", "hashtag web three"],
    ["#throwback_thursday", "hashtag throwback thursday"],
    ["Follow @voxpipe", "Follow at voxpipe"],
    ["Thanks @JaneDoe!", "Thanks at jane doe!"],
    ["I love #NewYork and #Paris.", "I love hashtag new york and hashtag paris."],
    ["C# is a language", "C# is a language"],
  ],
};
