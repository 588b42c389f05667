import type { CorpusGroup } from "./corpus-case.js";

/** Sentences as LLMs write them, mixing categories. */
export const replies: CorpusGroup = {
  category: "mixed",
  cases: [
    ["Sure! The flight on Dec 25, 2023 leaves at 9:05 am and costs $349.99.", "Sure! The flight on December twenty fifth, twenty twenty three leaves at nine oh five a m and costs three hundred forty nine dollars ninety nine cents."],
    ["Dr. Smith on Oak St. sees 5-10 patients a day.", "doctor Smith on Oak Street sees five to ten patients a day."],
    ["Mix 3/4 cup of sugar with 250 ml of milk at 25°C.", "Mix three quarters cup of sugar with two hundred fifty milliliters of milk at twenty five degrees Celsius."],
    ["Louis XIV ruled France from 1643 to 1715.", "Louis the fourteenth ruled France from sixteen forty three to seventeen fifteen."],
    ["The startup raised $100K, then $2.5M in 2021.", "The startup raised one hundred thousand dollars, then two point five million dollars in twenty twenty one."],
    ["In the 1990s, 56k modems were common.", "In the nineteen nineties, fifty six k modems were common."],
    ["Our team won 3-2 on the 21st.", "Our team won three to two on the twenty first."],
    ["Read chapter IV, e.g. pages 12-15.", "Read chapter four, for example pages twelve to fifteen."],
    ["Email help@voxpipe.dev or call (555) 123-4567.", "Email help at voxpipe dot dev or call five five five, one two three, four five six seven."],
    ["It's 2+2=4, not 5.", "It's two plus two equals four, not five."],
    ["We're open 24/7 & ready.", "We're open twenty four seven and ready."],
    ["The car does 0-60 mph in 3.2 s.", "The car does zero to sixty miles per hour in three point two s."],
    ["Prices rose 3.5% in Q2.", "Prices rose three point five percent in Q2."],
    ["Download 1.5 GB at 100 Mbps.", "Download one point five gigabytes at one hundred megabits per second."],
    ["Meeting on 2024-03-15 at 10:30.", "Meeting on March fifteenth, twenty twenty four at ten thirty."],
    ["It's -5 °C outside, about 23 °F.", "It's minus five degrees Celsius outside, about twenty three degrees Fahrenheit."],
    ["Mr. and Mrs. Lee paid £5.20 each.", "mister and missus Lee paid five pounds twenty pence each."],
    ["Henry VIII had 6 wives.", "Henry the eighth had six wives."],
    ["The 2nd option costs €9.99/month.", "The second option costs nine euros ninety nine cents/month."],
    ["Visit https://voxpipe.dev/docs for more.", "Visit voxpipe dot dev slash docs for more."],
    ["Use #1 for speed, #2 for quality.", "Use number one for speed, number two for quality."],
    ["Between 1,000 and 5,000 people came.", "Between one thousand and five thousand people came."],
    ["The meeting is at 3 p.m. Bring 2 copies.", "The meeting is at three p m. Bring two copies."],
    ["Temperatures hit 40°C in July 2023.", "Temperatures hit forty degrees Celsius in July twenty twenty three."],
    ["A 5% tip on $20 is $1.", "A five percent tip on twenty dollars is one dollar."],
  ],
};
