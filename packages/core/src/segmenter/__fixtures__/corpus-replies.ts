import { table } from "./corpus-case.js";

/** Realistic LLM replies with the default options: everything at once. */
export const replyCases = table("replies", [
  [
    "Sure! Here's a quick recipe for pancakes.\n\n## Ingredients\n- 1 cup of flour\n- 2 eggs\n- 1 cup of milk\n\n## Steps\n1. Whisk the eggs and milk together.\n2. Add the flour slowly, stirring constantly.\n3. Cook on a hot, greased pan until golden.\n\nEnjoy your breakfast!",
    [
      "Sure! Here's a quick recipe for pancakes.",
      "Ingredients",
      "1 cup of flour",
      "2 eggs",
      "1 cup of milk",
      "Steps",
      "1. Whisk the eggs and milk together.",
      "2. Add the flour slowly, stirring constantly.",
      "3. Cook on a hot, greased pan until golden.",
      "Enjoy your breakfast!",
    ],
  ],
  [
    "<think>\nThe user asks about the capital of France. It's Paris.\n</think>\n\nThe capital of France is **Paris**. It has been the capital since the 10th century, and it is home to about 2.1 million people.",
    ["The capital of France is Paris.", "It has been the capital since the 10th century, and it is home to about 2.1 million people."],
  ],
  [
    'You can reverse a string in Python like this:\n\n```python\ns = "hello"\nprint(s[::-1])\n```\n\nThis uses slicing with a step of -1. It\'s concise and fast.',
    ["You can reverse a string in Python like this:", "This uses slicing with a step of -1.", "It's concise and fast."],
  ],
  [
    "Dr. Jane Smith, Ph.D., will present at 3 p.m. on Friday. The talk covers e.g. neural networks, transformers, etc. Please arrive early.",
    ["Dr. Jane Smith, Ph.D., will present at 3 p.m. on Friday.", "The talk covers e.g. neural networks, transformers, etc.", "Please arrive early."],
  ],
  [
    'She looked at me and said, "I can\'t do this anymore." Then she walked away. I didn\'t know what to say.',
    ['She looked at me and said, "I can\'t do this anymore."', "Then she walked away.", "I didn't know what to say."],
  ],
  [
    "> **Tip:** Check the [official docs](https://docs.example.com) for details.\n\nAlso, see the FAQ at https://example.com/faq. It answers most questions.",
    ["Tip: Check the official docs for details.", "Also, see the FAQ at https://example.com/faq.", "It answers most questions."],
  ],
  [
    "The store opens at 9:30 a.m. and closes at 6 p.m. A coffee costs $3.50, and a bagel is $2.25. Not bad!",
    ["The store opens at 9:30 a.m. and closes at 6 p.m.", "A coffee costs $3.50, and a bagel is $2.25.", "Not bad!"],
  ],
  [
    "好的！我来解释一下。首先，你需要安装Node.js。然后，运行npm install。最后，启动服务器就可以了。",
    ["好的！我来解释一下。首先，你需要安装Node.js。", "然后，运行npm install。最后，启动服务器就可以了。"],
  ],
  [
    "Here are three tips:\n\n- **Sleep well.** Aim for 7–9 hours.\n  - Avoid screens before bed.\n- **Eat well.** Prefer whole foods.\n- **Move daily.** Even a short walk helps!",
    ["Here are three tips:", "Sleep well. Aim for 7–9 hours.", "Avoid screens before bed.", "Eat well. Prefer whole foods.", "Move daily. Even a short walk helps!"],
  ],
  [
    "# Summary\nThe project is on track.\n---\n**Next steps:** finalize the design, then start testing.",
    ["Summary", "The project is on track.", "Next steps: finalize the design, then start testing."],
  ],
  [
    "To set it up: 1.) install the package from npm 2.) create a config file in the root 3.) run the start command",
    ["To set it up: 1.) install the package from npm", "2.) create a config file in the root", "3.) run the start command"],
  ],
  [
    "Hmm... let me think. Okay!!! I've got it. The answer is 42?! Yes, 42.",
    ["Hmm... let me think.", "Okay!!! I've got it.", "The answer is 42?! Yes, 42."],
  ],
  [
    "Photosynthesis is the process by which green plants, algae, and some bacteria convert light energy into chemical energy. During this process, carbon dioxide and water are transformed into glucose and oxygen. It mainly happens in the chloroplasts.",
    [
      "Photosynthesis is the process by which green plants, algae,",
      "and some bacteria convert light energy into chemical energy.",
      "During this process, carbon dioxide and water are transformed into glucose and oxygen.",
      "It mainly happens in the chloroplasts.",
    ],
  ],
  [
    "Great question! The short answer is **no**: you don't need a GPU. A modern CPU (e.g. an Intel i7 or AMD Ryzen 7) is enough for small models.",
    ["Great question! The short answer is no: you don't need a GPU.", "A modern CPU (e.g. an Intel i7 or AMD Ryzen 7) is enough for small models."],
  ],
  [
    "Run `npm run build` first. Then open http://localhost:3000 in your browser. If it fails, check the logs in ./logs/app.log.",
    ["Run npm run build first.", "Then open http://localhost:3000 in your browser.", "If it fails, check the logs in ./logs/app.log."],
  ],
  [
    "I'm sorry, but I can't help with that. Is there anything else you'd like to know?",
    ["I'm sorry, but I can't help with that.", "Is there anything else you'd like to know?"],
  ],
  [
    "Mix 2.5 cups of flour with 1.5 tsp. of salt. Bake at 350°F for 25–30 min. Let it cool.",
    ["Mix 2.5 cups of flour with 1.5 tsp. of salt.", "Bake at 350°F for 25–30 min.", "Let it cool."],
  ],
  [
    "The meeting is on Mon. Jan. 15 at 10 a.m. in Room 4B. Mr. Lee and Mrs. Park will attend.",
    ["The meeting is on Mon. Jan. 15 at 10 a.m. in Room 4B.", "Mr. Lee and Mrs. Park will attend."],
  ],
]);
