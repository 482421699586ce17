#!/usr/bin/env python3
"""Writes clio's example data, deterministically (fixed seed, Python 3 standard library only).

    python3 scripts/make-examples.py            # writes into examples/
    python3 scripts/make-examples.py --drift work/drift   # two weeks for the monitoring walkthrough

examples/conversations.jsonl   ~400 synthetic conversations (OpenAI-style messages JSONL)
examples/truth.jsonl           ground truth per conversation: {"id","topic","planted":[...]}
                               (planted = exact personal-detail strings put into user text);
                               never part of the pipeline's input
examples/exports/claude.json   the same conversations as a Claude.ai export
examples/exports/chatgpt.json  ... as a ChatGPT export (some with a regenerated-answer branch)
examples/exports/sharegpt.json ... as ShareGPT V3 (one JSON array)

Ten clearly distinct topics, 1-4 user turns, ~15% in other languages, ~30% with planted fake
personal details (names, emails, phone numbers). All names, addresses and numbers are invented.

--drift OUT_DIR writes two periods for docs/monitoring.md instead (examples/ is not touched):
OUT_DIR/week1/ 400 conversations in 2024-W27 (1-7 July 2024), the ten topics equally;
OUT_DIR/week2/ 480 conversations in 2024-W28: the same ten topics 40 each, plus 40 more
personal-finance ones (the topic that grows: 10.0% -> 16.7%) and 40 about home Wi-Fi, a topic
that week 1 does not have (0% -> 8.3%). Each folder has conversations.jsonl and truth.jsonl.
"""

import argparse

import json
import os
import random
import uuid
from datetime import datetime, timedelta, timezone

SEED = 20240301
COUNT = 400
USERS = 150
OTHER_LANGUAGE_SHARE = 0.15
PLANTED_SHARE = 0.30

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples")

# --drift: the second week's changes, and when the two weeks are.
DRIFT_GROWS = "personal-finance"
DRIFT_NEW = "home-wifi"
DRIFT_WEEKS = [datetime(2024, 7, 1, tzinfo=timezone.utc), datetime(2024, 7, 8, tzinfo=timezone.utc)]

# Each topic: slot values, opening requests (English), follow-ups, answer templates, and one
# opening per other language. Slots are filled from the topic's own lists.
TOPICS = {
    "python-debugging": {
        "thing": ["a KeyError in my dictionary lookup", "an IndentationError after I pasted code",
                  "a TypeError: 'NoneType' object is not subscriptable", "an infinite loop in my while loop",
                  "a ModuleNotFoundError for pandas", "a recursion depth error in my Python function",
                  "a list index out of range error", "a UnicodeDecodeError when reading a CSV file",
                  "an AttributeError on my class instance", "a slow nested loop over a Python list"],
        "open": ["My Python script crashes with {thing}. How do I debug and fix it?",
                 "Can you help me fix {thing} in my Python code?",
                 "I keep getting {thing}; what does this Python error mean and how do I fix the bug?",
                 "Python question: how do I track down {thing}? Here is my traceback.",
                 "Debugging help please: {thing} in a Python script for work."],
        "follow": ["The traceback points at line 42, what should I check there?",
                   "I added print statements but the Python error still happens.",
                   "Would using the pdb debugger help here?", "Can you rewrite the function so it doesn't crash?"],
        "answer": ["That Python error usually means {why}. Check the variable before that line and add a guard.",
                   "Run it under pdb, inspect the values, and you will likely find {why}.",
                   "Here is a corrected version of the function; the bug was that {why}."],
        "why": ["the key is missing", "a function returned None", "the indentation mixes tabs and spaces",
                "the loop condition never changes", "the package is not installed in the active virtualenv"],
        "es": "Mi programa de Python falla con un error de índice en la lista. ¿Cómo lo depuro y lo arreglo?",
        "fr": "Mon script Python plante avec une erreur KeyError dans un dictionnaire. Comment corriger ce bug ?",
        "de": "Mein Python-Skript stürzt mit einem TypeError ab. Wie kann ich den Fehler finden und beheben?",
        "zh": "我的Python程序报错：列表索引超出范围。请问怎么调试和修复这个错误？",
        "ja": "Pythonのスクリプトで KeyError が出ます。どうやってデバッグして直せばいいですか？",
    },
    "cooking-recipes": {
        "thing": ["a vegetarian lasagna", "banana bread without eggs", "a quick chicken curry", "homemade pizza dough",
                  "a lentil soup for a cold evening", "chocolate chip cookies", "a mushroom risotto",
                  "gluten-free pancakes", "a beef stew in the slow cooker", "a simple tomato pasta sauce"],
        "open": ["Can you give me a recipe for {thing}? I have 3 eggs, 200 grams of flour and some butter.",
                 "What's a good recipe for {thing} that serves 4 people?",
                 "I want to cook {thing} tonight. What ingredients do I need and how long does it bake?",
                 "Recipe request: {thing}, ideally ready in 45 minutes.",
                 "How do I make {thing} at home? I'm a beginner cook."],
        "follow": ["Can I replace the butter with olive oil in this recipe?", "How long can I keep the leftovers in the fridge?",
                   "What oven temperature should I use, 180 or 200 degrees?", "Can I double the recipe for 8 people?"],
        "answer": ["Here's a simple recipe: {why}. Season to taste and serve warm.",
                   "Start by preparing the ingredients, then {why}. It takes about 40 minutes.",
                   "For this dish, {why}; bake at 180°C until golden."],
        "why": ["sauté the onions and garlic first", "whisk the flour and baking soda together",
                "simmer the sauce for 20 minutes", "knead the dough for 10 minutes", "toast the rice before adding stock"],
        "es": "¿Me das una receta de tortilla de patatas para cuatro personas? Tengo huevos, patatas y cebolla.",
        "fr": "Pouvez-vous me donner une recette de quiche lorraine facile ? J'ai des œufs, de la crème et des lardons.",
        "de": "Kannst du mir ein Rezept für einen einfachen Apfelkuchen geben? Ich habe Mehl, Butter und Äpfel.",
        "zh": "请给我一个番茄炒蛋的菜谱，需要哪些材料，怎么做？",
        "ja": "簡単なカレーライスのレシピを教えてください。材料と作り方が知りたいです。",
    },
    "travel-planning": {
        "thing": ["a 5-day trip to Japan in April", "a weekend in Barcelona", "a road trip along the California coast",
                  "two weeks backpacking in Vietnam", "a family holiday in Portugal", "a honeymoon in Greece",
                  "a budget trip to Iceland", "a train journey across Switzerland", "a city break in Prague",
                  "a hiking trip in Patagonia"],
        "open": ["Can you help me plan {thing}? I need an itinerary and hotel suggestions.",
                 "I'm planning {thing}. What should I see, and how should I get around?",
                 "Travel question: what is the best itinerary for {thing} on a budget?",
                 "Please suggest a day-by-day travel plan for {thing}.",
                 "What do I need to book for {thing}: flights, hotels, trains?"],
        "follow": ["Do I need a visa for this trip?", "Which neighbourhood is best for the hotel?",
                   "How much should I budget per day for food and transport?", "Is it better to rent a car or take the train?"],
        "answer": ["A good itinerary: {why}. Book the hotels early in high season.",
                   "For this trip I'd suggest {why}, then leave a free day for exploring.",
                   "Plan to {why}; the local trains are cheap and reliable."],
        "why": ["spend two days in the old town", "take the early train to the coast", "visit the museums on day one",
                "rent a car for the national park", "buy a city transport pass"],
        "es": "Quiero planear un viaje de una semana a Italia con mi familia. ¿Qué itinerario me recomiendas?",
        "fr": "Je prépare un voyage de dix jours au Maroc. Pouvez-vous m'aider avec l'itinéraire et les hôtels ?",
        "de": "Ich plane eine Reise nach Norwegen im Sommer. Welche Route und welche Unterkünfte empfiehlst du?",
        "zh": "我打算去日本旅行七天，请帮我规划一下行程和住宿。",
        "ja": "来月パリに旅行します。おすすめの観光ルートとホテルを教えてください。",
    },
    "job-application": {
        "thing": ["a junior data analyst role", "a marketing manager position", "a nursing job at a hospital",
                  "a software engineer internship", "a teaching assistant post", "a project manager role in construction",
                  "a customer service team lead job", "a graphic designer position", "an accountant role at a bank",
                  "a UX researcher job"],
        "open": ["Can you help me write a cover letter for {thing}? I have 3 years of experience.",
                 "Please review my CV for {thing} and suggest improvements.",
                 "How should I prepare for a job interview for {thing}?",
                 "I'm applying for {thing}. What should my resume highlight?",
                 "Write a short cover letter for {thing} that sounds confident but not arrogant."],
        "follow": ["Can you make the cover letter shorter?", "What questions might the interviewer ask?",
                   "How do I explain a gap in my CV?", "Should I include a photo on my resume?"],
        "answer": ["Here is a draft cover letter: {why}. Tailor it to the job description.",
                   "For the interview, {why}, and prepare two questions for them.",
                   "Your CV would be stronger if you {why}."],
        "why": ["lead with your most relevant achievement", "quantify your results with numbers",
                "keep it to one page", "mirror the keywords of the job posting", "practise the STAR method"],
        "es": "¿Puedes ayudarme a escribir una carta de presentación para un puesto de contable? Tengo cinco años de experiencia.",
        "fr": "Pouvez-vous relire mon CV pour un poste de chef de projet et me proposer des améliorations ?",
        "de": "Kannst du mir helfen, ein Anschreiben für eine Stelle als Softwareentwickler zu schreiben?",
        "zh": "请帮我修改简历，我要申请数据分析师的工作。",
        "ja": "エンジニア職に応募するための履歴書と志望動機の書き方を教えてください。",
    },
    "fitness-training": {
        "thing": ["a 12-week marathon training plan", "a beginner strength workout at the gym",
                  "a home workout without equipment", "a plan to run 5k in under 25 minutes", "a push-up progression",
                  "a weekly cycling training schedule", "a stretching routine for lower back pain",
                  "a high-intensity interval training session", "a squat and deadlift program", "a swimming workout"],
        "open": ["Can you create {thing} for me? I can train 4 days a week.",
                 "I want to build muscle. Is {thing} a good idea for a beginner?",
                 "Please design {thing}; I'm 35 and fairly fit.",
                 "What does {thing} look like, with sets and reps?",
                 "How do I start {thing} without getting injured?"],
        "follow": ["How many rest days should I take each week?", "What should I eat before the workout?",
                   "My knees hurt after running, what should I change?", "How do I track my training progress?"],
        "answer": ["Here's a training plan: {why}. Increase the load gradually.",
                   "Start with {why} and add a rest day between hard sessions.",
                   "A good workout structure is to {why}."],
        "why": ["three sets of ten reps", "a long slow run on Sundays", "warm up for ten minutes",
                "alternate upper and lower body days", "increase weekly mileage by 10 percent"],
        "es": "¿Puedes hacerme un plan de entrenamiento para correr una maratón en seis meses?",
        "fr": "Je veux me remettre au sport. Pouvez-vous me proposer un programme d'entraînement à la maison ?",
        "de": "Kannst du mir einen Trainingsplan für Muskelaufbau im Fitnessstudio erstellen? Ich trainiere dreimal pro Woche.",
        "zh": "请帮我制定一个在家锻炼的健身计划，每周三次。",
        "ja": "初心者向けの筋トレメニューを作ってください。週に三回ジムに行けます。",
    },
    "personal-finance": {
        "thing": ["a monthly budget on a $3,000 salary", "paying off $12,000 of credit card debt",
                  "saving for a house deposit", "an emergency fund", "investing in index funds",
                  "splitting bills with a partner", "a budget spreadsheet for my household", "retirement savings in my 30s",
                  "cutting my grocery spending", "choosing between paying debt and investing"],
        "open": ["Can you help me make {thing}? I spend too much on eating out.",
                 "What's the best strategy for {thing}?",
                 "I need advice on {thing}. How much should I save each month?",
                 "Personal finance question about {thing}: where do I start?",
                 "Please explain how budgeting works for {thing}."],
        "follow": ["What percentage of my income should go to savings?", "Should I use the 50/30/20 budget rule?",
                   "Is it worth paying a financial advisor?", "How do interest rates affect this plan?"],
        "answer": ["A simple budget: {why}. Review it every month.",
                   "Prioritise {why}, then automate your savings.",
                   "Financially, it makes sense to {why}."],
        "why": ["pay off the highest-interest debt first", "keep three months of expenses as savings",
                "track every expense for a month", "use the 50/30/20 rule", "invest in a low-cost index fund"],
        "es": "Necesito ayuda para hacer un presupuesto mensual. Gano 1.800 euros y quiero ahorrar más dinero.",
        "fr": "Comment établir un budget mensuel pour rembourser mes dettes et épargner un peu chaque mois ?",
        "de": "Wie erstelle ich ein Haushaltsbudget, um jeden Monat Geld zu sparen und Schulden abzubauen?",
        "zh": "我想做一个每月的家庭预算，怎么存钱和还信用卡债务？",
        "ja": "毎月の家計の予算の立て方と貯金のコツを教えてください。",
    },
    "gardening": {
        "thing": ["tomato plants with yellow leaves", "growing basil on a balcony", "a vegetable garden in raised beds",
                  "pruning rose bushes", "aphids on my peppers", "planting tulip bulbs in autumn",
                  "composting kitchen scraps", "a lawn full of moss", "overwatered succulents", "growing strawberries in pots"],
        "open": ["My garden has {thing}. What am I doing wrong?",
                 "Can you give me gardening tips for {thing}?",
                 "How do I deal with {thing} in my garden?",
                 "Gardening help: {thing}. When should I water and fertilise?",
                 "What's the best soil and sunlight for {thing}?"],
        "follow": ["How often should I water the plants?", "Which fertiliser do you recommend?",
                   "Is it too late in the season to plant?", "Can I use an organic pesticide?"],
        "answer": ["For healthy plants, {why}. Check the soil moisture first.",
                   "In the garden, {why} and mulch around the stems.",
                   "The plants probably need you to {why}."],
        "why": ["water deeply but less often", "give them six hours of sun", "add compost to the soil",
                "prune the dead stems in spring", "spray the leaves with soapy water"],
        "es": "Las hojas de mis tomates se están poniendo amarillas en el huerto. ¿Qué puedo hacer?",
        "fr": "Comment cultiver des tomates et du basilic sur mon balcon ? Quel terreau et quel arrosage ?",
        "de": "Meine Rosen im Garten haben Blattläuse. Wie werde ich sie ohne Chemie los?",
        "zh": "我家阳台种的番茄叶子发黄了，应该怎么浇水和施肥？",
        "ja": "ベランダでトマトを育てています。葉が黄色くなってきたのですが、どうすればいいですか？",
    },
    "language-learning": {
        "thing": ["Spanish verb conjugations", "Japanese kanji", "German articles der, die and das",
                  "French pronunciation", "Italian for a trip in three months", "Mandarin tones",
                  "English phrasal verbs", "Portuguese grammar", "Korean hangul", "Dutch vocabulary"],
        "open": ["What's the best way to learn {thing}? I study 30 minutes a day.",
                 "Can you make me a study plan for {thing}?",
                 "I'm struggling with {thing}. Any language learning tips or flashcard methods?",
                 "How long does it take to learn {thing} as a beginner?",
                 "Please explain {thing} with simple examples for a language learner."],
        "follow": ["Can you quiz me with ten practice sentences?", "Are language apps like Duolingo enough?",
                   "How do I practise speaking without a partner?", "What grammar should I learn first?"],
        "answer": ["To learn the language faster, {why}.", "A good study routine: {why}, then review with flashcards.",
                   "Many learners {why}; it builds vocabulary quickly."],
        "why": ["use spaced repetition flashcards", "listen to podcasts daily", "practise speaking with a tutor",
                "read short stories at your level", "learn the most common 1000 words first"],
        "es": "Estoy aprendiendo inglés. ¿Cómo puedo mejorar mi pronunciación y mi vocabulario rápidamente?",
        "fr": "J'apprends l'allemand depuis un an. Comment progresser à l'oral et mémoriser le vocabulaire ?",
        "de": "Ich lerne Spanisch. Wie kann ich die Grammatik und die unregelmäßigen Verben besser lernen?",
        "zh": "我正在学日语，怎么才能快速记住汉字和单词？",
        "ja": "英語の勉強方法を教えてください。単語と文法をどうやって覚えればいいですか？",
    },
    "car-repair": {
        "thing": ["a squeaking noise when I brake", "a check engine light that stays on", "a car battery that keeps dying",
                  "an overheating engine", "changing the oil myself", "a flat tyre and a stuck wheel nut",
                  "a grinding gearbox when shifting", "a leaking radiator", "worn brake pads", "a car that won't start in the cold"],
        "open": ["My car has {thing}. What could cause it and can I repair it myself?",
                 "How do I fix {thing} on a 2012 Honda Civic?",
                 "Car repair question: {thing}. Is it safe to drive to the mechanic?",
                 "Can you walk me through {thing}, step by step?",
                 "What tools do I need for {thing}?"],
        "follow": ["How much would a mechanic charge for this repair?", "Which part number should I order?",
                   "Do I need to jack up the car for this?", "Could it be the alternator instead?"],
        "answer": ["This car problem is often caused by {why}. Have the mechanic check it soon.",
                   "To repair it, {why}; it takes about an hour with basic tools.",
                   "Before replacing parts, {why}."],
        "why": ["worn brake pads", "a faulty sensor", "a weak battery or corroded terminals",
                "low coolant in the radiator", "check the engine codes with an OBD reader"],
        "es": "Mi coche hace un ruido extraño al frenar. ¿Qué puede ser y cuánto cuesta repararlo?",
        "fr": "Le voyant moteur de ma voiture reste allumé. Est-ce grave et comment le réparer ?",
        "de": "Mein Auto springt bei Kälte nicht an. Liegt es an der Batterie oder am Anlasser?",
        "zh": "我的汽车刹车时有异响，可能是什么原因？需要怎么修理？",
        "ja": "車のエンジン警告灯が点灯したままです。自分で修理できますか？",
    },
    "poetry-writing": {
        "thing": ["a sonnet about the sea", "a haiku about autumn leaves", "a love poem for an anniversary",
                  "a funny limerick about a cat", "a poem about losing a grandparent", "free verse about city nights",
                  "a rhyming poem for a child's birthday", "a poem about climate change", "an ode to coffee",
                  "a villanelle about memory"],
        "open": ["Can you write {thing}?", "Please help me write {thing} with a strong final line.",
                 "I'm writing {thing}. How can I improve the rhythm and imagery of my poem?",
                 "Write {thing}, about 12 lines, with vivid imagery.",
                 "Could you critique {thing} that I wrote? The rhyme feels forced."],
        "follow": ["Can you make the poem rhyme?", "Make it shorter and more melancholic.",
                   "Could you use more metaphors in the second stanza?", "Now write it in iambic pentameter."],
        "answer": ["Here is a poem: {why}.", "A draft of the poem, with {why}.", "I tried to {why} in this version."],
        "why": ["the waves keep counting what we lose", "soft imagery and a turn at the end",
                "keep the meter regular", "end each stanza on a rhyme", "let the metaphor carry the feeling"],
        "es": "¿Puedes escribir un poema de amor sobre el mar y la luna para mi aniversario?",
        "fr": "Pouvez-vous écrire un poème sur l'automne et les feuilles qui tombent, avec des rimes ?",
        "de": "Kannst du ein Gedicht über den Winter und die Stille im Wald schreiben?",
        "zh": "请帮我写一首关于秋天和思念的诗。",
        "ja": "桜と春の別れについての詩を書いてください。",
    },
}

# Topics that only --drift uses; kept apart so the bundled examples do not change.
DRIFT_TOPICS = {
    "home-wifi": {
        "thing": ["Wi-Fi that drops every evening", "a router that keeps restarting", "slow Wi-Fi in the bedroom",
                  "a mesh Wi-Fi system with a weak node", "a printer that won't join the Wi-Fi network",
                  "a smart TV that loses the Wi-Fi connection", "choosing a Wi-Fi channel on my router",
                  "a forgotten router admin password", "a Wi-Fi extender with no internet", "a 5 GHz network that won't show up"],
        "open": ["My home Wi-Fi has a problem: {thing}. How do I fix it?",
                 "Can you help me troubleshoot {thing}? The router is two years old.",
                 "Home network question: {thing}. Should I reset the router?",
                 "How do I solve {thing} without calling my internet provider?",
                 "What settings should I change on the router for {thing}?"],
        "follow": ["Should I update the router firmware?", "Would a mesh system help in a three-storey house?",
                   "How do I check which devices are on my Wi-Fi?", "Is the 2.4 GHz or the 5 GHz band better here?"],
        "answer": ["For the Wi-Fi problem, {why}. Then restart the router and test the speed again.",
                   "Try to {why}; most router problems go away after that.",
                   "The network is probably fine once you {why}."],
        "why": ["move the router away from the microwave", "update the router firmware", "switch to a less crowded channel",
                "reset the router to factory settings", "place the mesh node halfway between the rooms"],
        "es": "El wifi de mi casa se corta cada noche. ¿Cómo puedo arreglar el router?",
        "fr": "Mon wifi à la maison est très lent dans la chambre. Comment régler le routeur ?",
        "de": "Mein WLAN zu Hause bricht ständig ab. Wie kann ich den Router richtig einstellen?",
        "zh": "我家的无线网络经常断开，路由器应该怎么设置？",
        "ja": "自宅のWi-Fiが夜になると切れます。ルーターの設定をどう直せばいいですか？",
    },
}
ALL_TOPICS = {**TOPICS, **DRIFT_TOPICS}

LANGUAGES = ["es", "fr", "de", "zh", "ja"]
LANGUAGE_FOLLOW = {
    "es": ["¿Puedes darme más detalles, por favor?", "Gracias. ¿Y qué más me recomiendas?"],
    "fr": ["Pouvez-vous donner plus de détails, s'il vous plaît ?", "Merci. Et que me conseillez-vous d'autre ?"],
    "de": ["Kannst du mehr Details geben, bitte?", "Danke. Was empfiehlst du noch?"],
    "zh": ["能再详细一点吗？", "谢谢。还有别的建议吗？"],
    "ja": ["もう少し詳しく教えてください。", "ありがとうございます。他におすすめはありますか？"],
}
LANGUAGE_ANSWER = {
    "es": "Claro, aquí tienes algunas sugerencias detalladas.",
    "fr": "Bien sûr, voici quelques suggestions détaillées.",
    "de": "Natürlich, hier sind einige ausführliche Vorschläge.",
    "zh": "当然，这里有一些详细的建议。",
    "ja": "もちろんです。いくつか詳しい提案をします。",
}

# Invented people. Some names are common (and likely in any name list), some are not.
FIRST_NAMES = ["John", "Maria", "David", "Sarah", "Carlos", "Emma", "Wei", "Fatima", "Lukas", "Sophie", "Thandiwe",
               "Siobhan", "Bartholomew", "Ingrid", "Kwame", "Anneliese", "Rajesh", "Chiara", "Dmitri", "Yasmin",
               "Oluwaseun", "Margarethe", "Tobias", "Linnea", "Ezekiel", "Priya", "Henrik", "Colette"]
SURNAMES = ["Smith", "Garcia", "Müller", "Rossi", "Nguyen", "Okonkwo", "Quigley", "Finch", "Lindqvist", "Moreau",
            "Kowalski", "Hashemi", "Brennan", "Abernathy", "Castellanos", "Whitfield", "Takahashi", "Oyelaran",
            "Vasquez", "Pemberton", "Haugland", "Delacroix"]
DOMAINS = ["example.com", "mail.example.org", "inbox.test", "example.net", "post.example.co.uk"]
PHONES = ["+1 415 555 0134", "(212) 555-0187", "020 7946 0958", "+44 20 7946 0958", "06 12 34 56 78",
          "+49 30 1234567", "+33 6 12 34 56 78", "555-0199", "+34 612 345 678", "0171 2345678", "(03) 9555 0123",
          "+81 90 1234 5678"]


def fake_email(rng, first, last):
    local = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}", f"{last}.{first}"])
    local = local.lower().replace("ü", "u").replace("ö", "o").replace("é", "e")
    return f"{local}@{rng.choice(DOMAINS)}"


def plant(rng, text, lang):
    """Adds invented personal details to a user's opening message; returns text and the strings."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    full = f"{first} {last}"
    planted = []
    kind = rng.random()
    if lang == "en":
        intro = rng.choice([
            f"Hi, my name is {full}. ", f"Hello, I'm {full}. ", f"{full} here. ", f"Hi! I am {full}, ",
            "", "", f"My colleague {full} asked me this. ",
        ])
        # Some names come without any cue, as they often do in real requests.
        if not intro and rng.random() < 0.5:
            intro = rng.choice([f"I'm asking on behalf of {full}. ", f"Please keep {full} in copy. ",
                                f"This is for {first}'s project. "])
            planted.append(first if "'s" in intro else full)
    else:
        intro = {
            "es": f"Hola, me llamo {full}. ", "fr": f"Bonjour, je m'appelle {full}. ", "de": f"Hallo, ich heiße {full}. ",
            "zh": f"你好，我是{full}。", "ja": f"こんにちは、{full}です。",
        }[lang]
    if intro and not planted:
        planted.append(full)
    contact = []
    if kind < 0.6:
        email = fake_email(rng, first, last)
        planted.append(email)
        contact.append(rng.choice([f"My email is {email}.", f"You can reach me at {email}.", f"(email: {email})"]))
    if kind > 0.4:
        phone = rng.choice(PHONES)
        planted.append(phone)
        contact.append(rng.choice([f"Call me on {phone} if needed.", f"My phone number is {phone}.", f"Tel: {phone}."]))
    sign = ""
    if lang == "en" and rng.random() < 0.35:
        sign_first = rng.choice(FIRST_NAMES)
        sign = rng.choice([f"\n\nThanks,\n{sign_first}", f"\n\nRegards, {sign_first} {last}", f"\n\nBest,\n{sign_first}"])
        planted.append(sign.split("\n")[-1].replace("Regards, ", ""))
    text = intro + text + (" " + " ".join(contact) if contact else "") + sign
    return text, planted


def make_conversations(rng, plan, start, seconds, first=1):
    """One conversation per topic in `plan`, created within `seconds` after `start`, with ids
    counting from `first`."""
    users = [f"u-{n:03d}" for n in range(1, USERS + 1)]
    # Some users have many conversations, most have one or two.
    weights = [1.0 / (1 + i) ** 0.8 for i in range(USERS)]
    conversations = []
    for n, topic in enumerate(plan):
        spec = ALL_TOPICS[topic]
        lang = "en"
        if rng.random() < OTHER_LANGUAGE_SHARE:
            lang = rng.choice(LANGUAGES)
        thing = rng.choice(spec["thing"])
        if lang == "en":
            opening = rng.choice(spec["open"]).format(thing=thing)
        else:
            opening = spec[lang]
        planted = []
        if rng.random() < PLANTED_SHARE:
            opening, planted = plant(rng, opening, lang)
        turns = rng.choices([1, 2, 3, 4], weights=[40, 30, 20, 10])[0]
        messages = []
        for t in range(turns):
            if t == 0:
                user_text = opening
            elif lang == "en":
                user_text = rng.choice(spec["follow"])
            else:
                user_text = rng.choice(LANGUAGE_FOLLOW[lang])
            messages.append({"role": "user", "content": user_text})
            if lang == "en":
                answer = rng.choice(spec["answer"]).format(why=rng.choice(spec["why"]))
            else:
                answer = LANGUAGE_ANSWER[lang]
            messages.append({"role": "assistant", "content": answer})
        created = start + timedelta(seconds=rng.randint(0, seconds))
        record = {
            "id": f"c-{first + n:04d}",
            "user": rng.choices(users, weights=weights)[0],
            "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "messages": messages,
            "metadata": {"source": "synthetic", "generator": "make-examples.py"},
        }
        conversations.append((record, {"id": record["id"], "topic": topic, "planted": planted}, lang))
    return conversations


def claude_export(rng, conversations):
    chats = []
    for record, _, _ in conversations:
        created = record["created_at"].replace("Z", ".000000Z")
        messages = []
        for i, m in enumerate(record["messages"]):
            item = {"uuid": str(uuid.UUID(int=rng.getrandbits(128))), "sender": "human" if m["role"] == "user" else "assistant"}
            if i % 2 == 0 and rng.random() < 0.5:
                item["text"] = m["content"]
            else:
                item["text"] = ""
                item["content"] = [{"type": "text", "text": m["content"]}]
            item["created_at"] = created
            messages.append(item)
        chats.append({
            "uuid": record["id"], "name": "", "created_at": created, "updated_at": created,
            "account": {"uuid": record["user"]}, "chat_messages": messages,
        })
    return chats


def chatgpt_export(rng, conversations):
    result = []
    for record, _, _ in conversations:
        created = datetime.strptime(record["created_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()
        mapping = {}
        root = str(uuid.UUID(int=rng.getrandbits(128)))
        mapping[root] = {"id": root, "message": None, "parent": None, "children": []}
        system = str(uuid.UUID(int=rng.getrandbits(128)))
        mapping[system] = {"id": system, "parent": root, "children": [], "message": {
            "id": system, "author": {"role": "system"}, "content": {"content_type": "text", "parts": [""]}}}
        mapping[root]["children"].append(system)
        parent = system
        for i, m in enumerate(record["messages"]):
            node = str(uuid.UUID(int=rng.getrandbits(128)))
            parts = [m["content"]]
            if m["role"] == "user" and rng.random() < 0.1:
                parts = [{"content_type": "image_asset_pointer", "asset_pointer": "file-service://file-abc"}, m["content"]]
            if m["role"] == "assistant" and rng.random() < 0.25:
                # A regenerated answer: a sibling branch the user moved away from.
                old = str(uuid.UUID(int=rng.getrandbits(128)))
                mapping[old] = {"id": old, "parent": parent, "children": [], "message": {
                    "id": old, "author": {"role": "assistant"},
                    "content": {"content_type": "text", "parts": ["REGENERATED-BRANCH: an earlier answer that was replaced."]},
                    "create_time": created + i}}
                mapping[parent]["children"].append(old)
            mapping[node] = {"id": node, "parent": parent, "children": [], "message": {
                "id": node, "author": {"role": m["role"]}, "content": {"content_type": "text", "parts": parts},
                "create_time": created + i}}
            mapping[parent]["children"].append(node)
            parent = node
        result.append({
            "title": "", "create_time": created, "update_time": created + len(record["messages"]),
            "mapping": mapping, "current_node": parent, "conversation_id": record["id"], "id": record["id"],
        })
    return result


def sharegpt_export(conversations):
    return [{"id": record["id"], "conversations": [
        {"from": "human" if m["role"] == "user" else "gpt", "value": m["content"]} for m in record["messages"]]}
        for record, _, _ in conversations]


def write_conversations(folder, conversations):
    """conversations.jsonl and truth.jsonl in `folder`."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "conversations.jsonl"), "w", encoding="utf-8") as f:
        for record, _, _ in conversations:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(os.path.join(folder, "truth.jsonl"), "w", encoding="utf-8") as f:
        for _, truth, lang in conversations:
            f.write(json.dumps(dict(truth, language=lang), ensure_ascii=False) + "\n")


def write_drift(out):
    """Two weeks: the ten topics, then the ten again with one grown and one new (see the top)."""
    topics = list(TOPICS)
    plans = [[topics[n % len(topics)] for n in range(COUNT)],
             [(topics + [DRIFT_GROWS, DRIFT_NEW])[n % (len(topics) + 2)] for n in range(COUNT * 6 // 5)]]
    first = 1
    for week, (plan, start) in enumerate(zip(plans, DRIFT_WEEKS), 1):
        # Each week's own seed; the last second of the week is the latest time, so no
        # conversation falls into the next ISO week.
        conversations = make_conversations(random.Random(SEED + 100 * week), plan, start, 7 * 86400 - 1, first)
        folder = os.path.join(out, f"week{week}")
        write_conversations(folder, conversations)
        first += len(plan)
        counts = {t: plan.count(t) for t in (DRIFT_GROWS, DRIFT_NEW)}
        print(f"wrote {len(plan)} conversations ({start:%Y-%m-%d} to {start + timedelta(days=6):%Y-%m-%d}; "
              f"{DRIFT_GROWS} {counts[DRIFT_GROWS]}, {DRIFT_NEW} {counts[DRIFT_NEW]}) to {os.path.normpath(folder)}")


def main():
    parser = argparse.ArgumentParser(description="write clio's example data (deterministic)")
    parser.add_argument("--drift", metavar="OUT_DIR",
                        help="write two weeks with one topic growing and one new, into OUT_DIR/week1 and OUT_DIR/week2")
    args = parser.parse_args()
    if args.drift:
        write_drift(args.drift)
        return
    rng = random.Random(SEED)
    topics = list(TOPICS)
    plan = [topics[n % len(topics)] for n in range(COUNT)]
    conversations = make_conversations(rng, plan, datetime(2024, 1, 1, tzinfo=timezone.utc), 182 * 86400)
    os.makedirs(os.path.join(ROOT, "exports"), exist_ok=True)
    write_conversations(ROOT, conversations)
    exports = {
        "claude.json": claude_export(random.Random(SEED + 1), conversations),
        "chatgpt.json": chatgpt_export(random.Random(SEED + 2), conversations),
        "sharegpt.json": sharegpt_export(conversations),
    }
    for name, data in exports.items():
        with open(os.path.join(ROOT, "exports", name), "w", encoding="utf-8") as f:
            # ChatGPT writes its export on one line; the others are indented like their sources.
            json.dump(data, f, ensure_ascii=False, indent=None if name == "chatgpt.json" else 1)
            f.write("\n")
    planted = sum(1 for _, t, _ in conversations if t["planted"])
    other = sum(1 for _, _, lang in conversations if lang != "en")
    print(f"wrote {len(conversations)} conversations ({planted} with planted details, {other} not in English) to {os.path.normpath(ROOT)}")


if __name__ == "__main__":
    main()
