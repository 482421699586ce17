#!/usr/bin/env python3
"""Labelled synthetic conversations for evaluating clio (stdlib only, deterministic).

Writes OUT/conversations.jsonl (the pipeline input), OUT/truth.jsonl (category, subtopic,
language and the planted personal details of each conversation, never seen by the pipeline) and
OUT/categories.jsonl (one line per top-level category with a description). The taxonomy is two
levels deep; each subtopic has English request phrases and details plus one request phrase per
other language, which fill varied frames; about --pii-share of the conversations carry fake names,
emails, phone numbers, street addresses or account numbers.

Usage: python3 scripts/make-eval-data.py [--count 3000] [--seed 8] [--pii-share 0.3] [--out DIR]
"""

import argparse
import datetime
import json
import os
import random
import unicodedata

# (category, description, [(subtopic, [english requests], [english details], {lang: request}), ...])
TAXONOMY = [
    ("programming", "Writing, debugging and understanding software code, databases and scripts.", [
        ("python debugging",
         ["fix a KeyError in my Python script", "figure out why my Python function returns None",
          "understand this Python traceback about an IndexError", "debug a Python loop that never ends",
          "find why pip says ModuleNotFoundError when I import pandas"],
         ["The traceback points at a dictionary lookup inside a for loop.",
          "I'm running Python 3.11 inside a virtualenv."],
         {"es": "depurar un error de Python en mi script", "fr": "corriger une exception Python dans mon script",
          "de": "einen Python-Fehler in meinem Skript debuggen", "pt": "depurar um erro de Python no meu script",
          "zh": "调试我的Python脚本报错"}),
        ("web frontend",
         ["center a div with CSS flexbox", "make my React component re-render when state changes",
          "fix a JavaScript event listener that fires twice", "build a responsive navbar in HTML and CSS",
          "stop my webpage layout from breaking on mobile screens"],
         ["I'm using React 18 with hooks.", "The page looks fine in Chrome but not in Safari."],
         {"es": "centrar un elemento con CSS en mi página web", "fr": "corriger le CSS de ma page web en React",
          "de": "das CSS-Layout meiner React-Webseite reparieren", "pt": "arrumar o CSS da minha página web em React",
          "zh": "用CSS和React修复网页布局"}),
        ("sql databases",
         ["write a SQL query that joins two tables and groups by month", "speed up a slow PostgreSQL query",
          "choose the right index for my MySQL table", "write a SQL query to find duplicate rows",
          "design a database schema for orders and customers"],
         ["The orders table has about two million rows.", "We use PostgreSQL 15."],
         {"es": "escribir una consulta SQL con JOIN en PostgreSQL", "fr": "écrire une requête SQL avec une jointure",
          "de": "eine SQL-Abfrage mit JOIN in PostgreSQL schreiben", "pt": "escrever uma consulta SQL com JOIN no PostgreSQL",
          "zh": "写一个带JOIN的SQL查询"}),
        ("shell scripting",
         ["write a bash script that renames files in a folder", "loop over lines of a file in bash",
          "use grep and sed to replace text in many files", "schedule a shell script with cron",
          "fix quoting problems in my bash script with spaces in filenames"],
         ["It runs on Ubuntu with bash 5.", "The folder has a few thousand log files."],
         {"es": "escribir un script de bash para renombrar archivos", "fr": "écrire un script bash pour renommer des fichiers",
          "de": "ein Bash-Skript zum Umbenennen von Dateien schreiben", "pt": "escrever um script bash para renomear arquivos",
          "zh": "写一个bash脚本批量重命名文件"}),
    ]),
    ("cooking", "Recipes, cooking techniques, baking and planning meals at home.", [
        ("baking",
         ["bake a sourdough bread with an open crumb", "keep my chocolate chip cookies from spreading",
          "make a fluffy sponge cake without it sinking", "fix a pie crust that turns out soggy",
          "proof brioche dough properly"],
         ["My oven runs a bit hot.", "I only have all-purpose flour at home."],
         {"es": "hornear pan de masa madre en casa", "fr": "faire du pain au levain et des gâteaux",
          "de": "Sauerteigbrot und Kuchen backen", "pt": "assar pão de fermentação natural e bolos",
          "zh": "在家烤酸面包和蛋糕"}),
        ("vegetarian meals",
         ["cook a high-protein vegetarian dinner with lentils", "make a vegan curry with chickpeas",
          "replace meat with tofu in a stir fry", "plan vegetarian lunches with beans and vegetables",
          "make a creamy pasta sauce without dairy"],
         ["My partner recently went vegan.", "I want at least 25 grams of protein per meal."],
         {"es": "cocinar platos vegetarianos con lentejas y tofu", "fr": "cuisiner des plats végétariens avec des lentilles",
          "de": "vegetarische Gerichte mit Linsen und Tofu kochen", "pt": "cozinhar pratos vegetarianos com lentilhas e tofu",
          "zh": "用豆腐和扁豆做素食晚餐"}),
        ("meal prep",
         ["meal prep healthy lunches for the whole work week", "store cooked rice and chicken safely in the fridge",
          "plan a cheap weekly menu and grocery list", "freeze soups and stews in portions",
          "batch cook dinners on Sunday for five days"],
         ["I have about two hours on Sundays.", "Budget is around 60 dollars a week for groceries."],
         {"es": "preparar comidas para toda la semana y congelarlas", "fr": "préparer mes repas de la semaine à l'avance",
          "de": "Essen für die ganze Woche vorkochen", "pt": "preparar marmitas para a semana inteira",
          "zh": "提前准备一周的午餐便当"}),
    ]),
    ("health", "Physical health questions: symptoms, sleep, diet and common conditions.", [
        ("sleep problems",
         ["fall asleep faster when I have insomnia", "stop waking up at 3am every night",
          "fix my sleep schedule after night shifts", "understand whether melatonin helps with sleep",
          "reduce snoring that keeps my partner awake"],
         ["I usually look at my phone in bed.", "It has been going on for about a month."],
         {"es": "dormir mejor porque tengo insomnio", "fr": "mieux dormir car je souffre d'insomnie",
          "de": "besser schlafen, weil ich Schlafstörungen habe", "pt": "dormir melhor porque tenho insônia",
          "zh": "改善失眠，晚上睡得更好"}),
        ("nutrition and diet",
         ["count calories to lose weight without feeling hungry", "understand how much protein I need per day",
          "lower my cholesterol with diet changes", "eat enough iron as a teenager",
          "know whether intermittent fasting is healthy"],
         ["I'm 34 and fairly active.", "My doctor said my LDL is a bit high."],
         {"es": "mejorar mi dieta y contar calorías para bajar de peso", "fr": "améliorer mon alimentation pour perdre du poids",
          "de": "meine Ernährung umstellen, um abzunehmen", "pt": "melhorar minha dieta para emagrecer",
          "zh": "调整饮食来减肥和降低胆固醇"}),
        ("back pain",
         ["relieve lower back pain from sitting all day", "know when back pain needs a doctor",
          "do stretches for a stiff neck and shoulders", "set up my desk chair to stop back pain",
          "treat sciatica pain down my leg"],
         ["I work at a desk about nine hours a day.", "The pain gets worse in the morning."],
         {"es": "aliviar el dolor de espalda baja", "fr": "soulager mon mal de dos au niveau des lombaires",
          "de": "meine Rückenschmerzen im unteren Rücken lindern", "pt": "aliviar a dor nas costas e na lombar",
          "zh": "缓解久坐引起的腰背疼痛"}),
    ]),
    ("travel", "Planning trips: itineraries, flights, visas, packing and accommodation.", [
        ("itinerary planning",
         ["plan a 10-day itinerary for Japan in spring", "decide how many days to spend in Rome and Florence",
          "plan a road trip along the California coast", "choose which neighborhoods to stay in Lisbon",
          "see the best sights in Paris in three days"],
         ["We're two adults and a teenager.", "We prefer museums and good food over nightlife."],
         {"es": "planear un itinerario de viaje de diez días por Japón", "fr": "organiser un itinéraire de voyage en Italie",
          "de": "eine Reiseroute für zehn Tage in Japan planen", "pt": "planejar um roteiro de viagem pela Itália",
          "zh": "规划十天的日本旅行路线"}),
        ("visas and passports",
         ["find out if I need a visa to visit Canada", "renew my passport before an international trip",
          "apply for a Schengen visa as a student", "understand the ESTA requirements for the United States",
          "know how long my passport must be valid for Thailand"],
         ["I hold an Indian passport.", "The trip is in about six weeks."],
         {"es": "solicitar un visado y renovar el pasaporte", "fr": "demander un visa Schengen et renouveler mon passeport",
          "de": "ein Visum beantragen und meinen Reisepass verlängern", "pt": "tirar visto e renovar meu passaporte",
          "zh": "申请签证和更新护照"}),
        ("budget flights",
         ["find cheap flights from London to New York", "know the best day of the week to book airfare",
          "use airline miles to upgrade my flight", "avoid baggage fees on budget airlines",
          "get compensation for a cancelled flight"],
         ["I'm flexible by a few days.", "The airline was Ryanair."],
         {"es": "encontrar vuelos baratos y evitar cargos de equipaje", "fr": "trouver des billets d'avion pas chers",
          "de": "günstige Flüge finden und Gepäckgebühren vermeiden", "pt": "encontrar passagens aéreas baratas",
          "zh": "找便宜的机票并避免行李费"}),
    ]),
    ("finance", "Personal money matters: budgeting, saving, investing, taxes and debt.", [
        ("budgeting",
         ["make a monthly budget on a small salary", "use the 50/30/20 rule for my spending",
          "stop overspending on takeout and subscriptions", "build an emergency fund quickly",
          "track expenses in a spreadsheet"],
         ["I take home about 2,400 a month.", "Rent is almost half of my income."],
         {"es": "hacer un presupuesto mensual y ahorrar dinero", "fr": "faire un budget mensuel et économiser",
          "de": "ein monatliches Budget erstellen und Geld sparen", "pt": "fazer um orçamento mensal e economizar",
          "zh": "制定每月预算并存钱"}),
        ("investing and retirement",
         ["start investing in index funds as a beginner", "choose between a Roth IRA and a 401k",
          "understand ETF expense ratios and diversification", "plan for retirement in my forties",
          "decide how much of my portfolio should be in bonds"],
         ["I'm 29 with no investments yet.", "My employer matches 4 percent."],
         {"es": "invertir en fondos indexados para la jubilación", "fr": "investir en ETF pour préparer ma retraite",
          "de": "in ETFs und Indexfonds für die Rente investieren", "pt": "investir em fundos de índice para a aposentadoria",
          "zh": "投资指数基金为退休做准备"}),
        ("taxes",
         ["file my taxes as a freelancer", "understand which deductions I can claim for a home office",
          "pay quarterly estimated taxes", "report income from selling stocks on my tax return",
          "know if I owe tax on a side hustle"],
         ["This is my first year self-employed.", "I also sold some shares last year."],
         {"es": "presentar la declaración de impuestos como autónomo", "fr": "faire ma déclaration d'impôts en tant qu'indépendant",
          "de": "meine Steuererklärung als Freiberufler machen", "pt": "declarar o imposto de renda como autônomo",
          "zh": "作为自由职业者报税"}),
        ("credit and debt",
         ["pay off credit card debt faster", "improve my credit score before buying a house",
          "choose between the debt snowball and avalanche methods", "consolidate student loans",
          "understand how credit card interest is calculated"],
         ["I have three cards with about 8,000 in total.", "My score is around 640."],
         {"es": "pagar mis deudas de tarjeta de crédito", "fr": "rembourser mes dettes de carte de crédit",
          "de": "meine Kreditkartenschulden abbezahlen", "pt": "pagar as dívidas do cartão de crédito",
          "zh": "还清信用卡欠款并提高信用分"}),
    ]),
    ("education", "School and university: applications, studying, teaching and academic writing.", [
        ("college applications",
         ["write a strong college application essay", "choose which universities to apply to",
          "ask a teacher for a recommendation letter", "prepare for the SAT in two months",
          "compare financial aid offers from two colleges"],
         ["I'm a high school junior.", "I want to study engineering."],
         {"es": "preparar mi solicitud de admisión a la universidad", "fr": "préparer mon dossier de candidature à l'université",
          "de": "meine Bewerbung für die Universität vorbereiten", "pt": "preparar minha candidatura para a universidade",
          "zh": "准备大学申请文书"}),
        ("study techniques",
         ["study more effectively for final exams", "use spaced repetition and active recall",
          "stay focused while studying at home", "take better notes in lectures",
          "make a revision timetable for six exams"],
         ["My exams start in three weeks.", "I usually just reread my notes."],
         {"es": "estudiar mejor para los exámenes finales", "fr": "mieux réviser pour mes examens",
          "de": "effektiver für meine Prüfungen lernen", "pt": "estudar melhor para as provas finais",
          "zh": "更有效地复习期末考试"}),
        ("lesson planning",
         ["plan a lesson on fractions for fourth graders", "keep a class of teenagers engaged",
          "write a rubric for a history essay", "plan activities for a first day of school",
          "differentiate instruction for students with different levels"],
         ["I teach a class of 28 students.", "The lesson is 45 minutes long."],
         {"es": "planificar una clase para mis alumnos de primaria", "fr": "préparer un cours pour mes élèves de primaire",
          "de": "eine Unterrichtsstunde für meine Grundschüler planen", "pt": "planejar uma aula para meus alunos do fundamental",
          "zh": "为小学生设计一节课的教案"}),
    ]),
    ("legal questions", "Questions about laws, contracts, rights and legal procedures.", [
        ("tenant rights",
         ["get my security deposit back from my landlord", "know if my landlord can raise rent mid-lease",
          "respond to an eviction notice", "force my landlord to fix mold in the apartment",
          "break my lease early without a penalty"],
         ["The lease is for twelve months.", "The landlord hasn't answered my emails in weeks."],
         {"es": "recuperar la fianza que no me devuelve el casero", "fr": "récupérer ma caution auprès de mon propriétaire",
          "de": "meine Mietkaution vom Vermieter zurückbekommen", "pt": "recuperar o depósito caução do aluguel",
          "zh": "向房东要回租房押金"}),
        ("employment contracts",
         ["understand a non-compete clause in my job contract", "know if my employer can cut my pay",
          "check whether I was wrongfully dismissed", "understand my notice period when I resign",
          "claim unpaid overtime from my employer"],
         ["I've worked there for three years.", "Nothing was given to me in writing."],
         {"es": "entender una cláusula de mi contrato de trabajo", "fr": "comprendre une clause de mon contrat de travail",
          "de": "eine Klausel in meinem Arbeitsvertrag verstehen", "pt": "entender uma cláusula do meu contrato de trabalho",
          "zh": "理解劳动合同里的竞业条款"}),
        ("wills and inheritance",
         ["write a simple will", "understand what happens to property without a will",
          "be an executor of my father's estate", "split an inheritance between siblings",
          "know if inheritance is taxed"],
         ["There is a house and some savings.", "My parents live in a different state."],
         {"es": "hacer un testamento y entender la herencia", "fr": "rédiger un testament et comprendre la succession",
          "de": "ein Testament schreiben und das Erbe regeln", "pt": "fazer um testamento e entender a herança",
          "zh": "立遗嘱和处理遗产继承"}),
    ]),
    ("creative writing", "Writing fiction, poetry, scripts and imagined worlds.", [
        ("poetry",
         ["write a poem about autumn rain", "write a sonnet for my wife's birthday",
          "make my free verse poem sound less flat", "write a haiku sequence about the sea",
          "find rhymes for a poem about loss"],
         ["It should be about fourteen lines.", "I like imagery more than rhyme."],
         {"es": "escribir un poema sobre la lluvia de otoño", "fr": "écrire un poème sur la pluie d'automne",
          "de": "ein Gedicht über den Herbstregen schreiben", "pt": "escrever um poema sobre a chuva de outono",
          "zh": "写一首关于秋雨的诗"}),
        ("short story plots",
         ["come up with a twist ending for my mystery story", "outline a short story about a lighthouse keeper",
          "make my protagonist more believable", "fix pacing in the middle of my novel chapter",
          "write an opening paragraph that hooks readers"],
         ["The story is about 5,000 words.", "It's a thriller set in a small town."],
         {"es": "escribir el argumento de un cuento de misterio", "fr": "imaginer l'intrigue d'une nouvelle policière",
          "de": "die Handlung einer Kurzgeschichte entwickeln", "pt": "criar o enredo de um conto de mistério",
          "zh": "构思一个悬疑短篇小说的情节"}),
        ("worldbuilding",
         ["design a magic system for my fantasy world", "invent a political system for a fantasy kingdom",
          "create a map and history for a fantasy continent", "build a believable alien species",
          "name cities and rivers in my fantasy setting"],
         ["It's for a tabletop campaign.", "The world has two moons."],
         {"es": "crear un sistema de magia para mi mundo de fantasía", "fr": "créer un système de magie pour mon monde de fantasy",
          "de": "ein Magiesystem für meine Fantasywelt entwerfen", "pt": "criar um sistema de magia para meu mundo de fantasia",
          "zh": "为我的奇幻世界设计魔法体系"}),
    ]),
    ("relationships", "Romantic, family and friendship relationships and social situations.", [
        ("dating advice",
         ["ask someone out on a first date", "write a better dating app profile",
          "know if the person I'm dating is losing interest", "plan a romantic anniversary dinner",
          "deal with being ghosted after three dates"],
         ["We met at a friend's party.", "I'm pretty shy in person."],
         {"es": "conseguir una primera cita con alguien que me gusta", "fr": "obtenir un premier rendez-vous amoureux",
          "de": "jemanden um ein erstes Date bitten", "pt": "chamar alguém para um primeiro encontro",
          "zh": "约喜欢的人第一次约会"}),
        ("family conflict",
         ["handle constant arguments with my parents", "set boundaries with my mother-in-law",
          "talk to my teenage son who won't speak to me", "deal with siblings fighting over caring for our dad",
          "stay calm when my family criticizes my choices"],
         ["We all live in the same city.", "Holidays are always tense."],
         {"es": "resolver las peleas con mis padres", "fr": "gérer les disputes avec mes parents",
          "de": "mit den ständigen Streitereien mit meinen Eltern umgehen", "pt": "lidar com as brigas com meus pais",
          "zh": "处理和父母之间的争吵"}),
        ("wedding planning",
         ["plan a wedding on a small budget", "write a wedding toast as the best man",
          "make a wedding guest list without offending family", "choose a wedding venue",
          "create a timeline for the wedding day"],
         ["We expect about 80 guests.", "The wedding is next June."],
         {"es": "organizar una boda con poco presupuesto", "fr": "organiser un mariage avec un petit budget",
          "de": "eine Hochzeit mit kleinem Budget planen", "pt": "organizar um casamento com pouco dinheiro",
          "zh": "用有限的预算筹备婚礼"}),
    ]),
    ("career", "Jobs and work life: CVs, interviews, pay and changing careers.", [
        ("resumes and cover letters",
         ["rewrite my resume for a marketing job", "write a cover letter for a data analyst position",
          "explain a two-year employment gap on my CV", "make my LinkedIn summary stand out",
          "tailor my resume to pass applicant tracking systems"],
         ["I have five years of experience in sales.", "The job posting asks for SQL and Excel."],
         {"es": "mejorar mi currículum y carta de presentación", "fr": "améliorer mon CV et ma lettre de motivation",
          "de": "meinen Lebenslauf und mein Anschreiben verbessern", "pt": "melhorar meu currículo e carta de apresentação",
          "zh": "修改简历和求职信"}),
        ("job interviews",
         ["answer 'tell me about yourself' in a job interview", "prepare for a behavioral interview with STAR answers",
          "answer questions about my biggest weakness", "follow up after a job interview",
          "prepare for a technical interview at a tech company"],
         ["The interview is on Thursday.", "It's a panel of three people."],
         {"es": "prepararme para una entrevista de trabajo", "fr": "me préparer à un entretien d'embauche",
          "de": "mich auf ein Vorstellungsgespräch vorbereiten", "pt": "me preparar para uma entrevista de emprego",
          "zh": "准备求职面试"}),
        ("salary negotiation",
         ["negotiate a higher salary for a job offer", "ask my boss for a raise",
          "counter a lowball offer politely", "negotiate remote work and benefits",
          "know what salary to ask for as a software engineer"],
         ["The offer is 10 percent below market.", "I have a competing offer."],
         {"es": "negociar un salario más alto en una oferta de trabajo", "fr": "négocier un meilleur salaire",
          "de": "ein höheres Gehalt verhandeln", "pt": "negociar um salário maior",
          "zh": "谈判更高的薪水"}),
    ]),
    ("home repair", "Fixing and maintaining a house: plumbing, electrical, walls and appliances.", [
        ("plumbing",
         ["fix a leaking kitchen faucet", "unclog a slow bathroom drain without chemicals",
          "stop a toilet that keeps running", "replace a broken shower valve",
          "find the source of a leak under the sink"],
         ["The house is from the 1970s.", "There is water under the cabinet every morning."],
         {"es": "arreglar un grifo que gotea en la cocina", "fr": "réparer un robinet qui fuit dans la cuisine",
          "de": "einen tropfenden Wasserhahn in der Küche reparieren", "pt": "consertar uma torneira pingando na cozinha",
          "zh": "修理厨房漏水的水龙头"}),
        ("electrical and lighting",
         ["replace a light switch with a dimmer", "find why a circuit breaker keeps tripping",
          "install a ceiling fan safely", "fix an outlet that stopped working",
          "wire a new light fixture in the hallway"],
         ["I already turned off the breaker.", "The wires are black, white and bare copper."],
         {"es": "cambiar un enchufe y un interruptor de luz", "fr": "remplacer un interrupteur et une prise électrique",
          "de": "einen Lichtschalter und eine Steckdose austauschen", "pt": "trocar um interruptor e uma tomada",
          "zh": "更换电灯开关和插座"}),
        ("walls and painting",
         ["patch a hole in drywall", "paint a room without streaks",
          "remove old wallpaper easily", "fix cracks in plaster walls",
          "choose paint finish for a bathroom"],
         ["The hole is about the size of a fist.", "The walls are painted dark blue now."],
         {"es": "reparar un agujero en la pared y pintarla", "fr": "reboucher un trou dans le mur et le peindre",
          "de": "ein Loch in der Wand reparieren und streichen", "pt": "consertar um buraco na parede e pintar",
          "zh": "修补墙上的洞并重新刷漆"}),
    ]),
    ("gardening", "Growing vegetables, flowers, lawns and houseplants.", [
        ("vegetable garden",
         ["grow tomatoes in containers on a balcony", "stop blight on my tomato plants",
          "plan a raised bed vegetable garden", "know when to plant garlic and onions",
          "grow zucchini and cucumbers without powdery mildew"],
         ["I live in zone 6.", "The bed gets six hours of sun."],
         {"es": "cultivar tomates y verduras en el huerto", "fr": "cultiver des tomates et des légumes au potager",
          "de": "Tomaten und Gemüse im Garten anbauen", "pt": "plantar tomates e legumes na horta",
          "zh": "在菜园里种番茄和蔬菜"}),
        ("houseplants",
         ["save my monstera with yellow leaves", "water a fiddle leaf fig correctly",
          "get rid of fungus gnats in potted plants", "repot a root-bound snake plant",
          "keep succulents alive indoors in winter"],
         ["It sits near a north-facing window.", "I water it once a week."],
         {"es": "cuidar mis plantas de interior con hojas amarillas", "fr": "soigner mes plantes d'intérieur aux feuilles jaunes",
          "de": "meine Zimmerpflanzen mit gelben Blättern retten", "pt": "cuidar das minhas plantas de interior com folhas amarelas",
          "zh": "照顾叶子发黄的室内绿植"}),
        ("lawn care",
         ["get rid of weeds in my lawn", "reseed bare patches in the grass",
          "know how often to mow and water the lawn", "fix brown spots from dog urine on the grass",
          "aerate and fertilize my lawn in the fall"],
         ["The lawn is mostly fescue.", "We had a very dry summer."],
         {"es": "cuidar el césped y quitar las malas hierbas", "fr": "entretenir ma pelouse et enlever les mauvaises herbes",
          "de": "meinen Rasen pflegen und Unkraut entfernen", "pt": "cuidar do gramado e tirar as ervas daninhas",
          "zh": "养护草坪并清除杂草"}),
    ]),
    ("pets", "Caring for animals: training, health and behaviour of dogs, cats and other pets.", [
        ("dog training",
         ["stop my puppy from biting", "teach my dog to walk on a loose leash",
          "house train a rescue dog", "stop my dog barking at strangers",
          "crate train a new puppy at night"],
         ["He's a 5-month-old labrador.", "We adopted her from a shelter last month."],
         {"es": "adiestrar a mi perro para que no muerda", "fr": "dresser mon chien pour qu'il arrête de mordre",
          "de": "meinen Hund erziehen, damit er nicht beißt", "pt": "adestrar meu cachorro para parar de morder",
          "zh": "训练我的小狗不要咬人"}),
        ("cat care",
         ["stop my cat from scratching the sofa", "know why my cat stopped using the litter box",
          "introduce a new kitten to my older cat", "help my cat lose weight",
          "deal with my cat throwing up hairballs"],
         ["She's an indoor cat, about seven years old.", "It started after we moved."],
         {"es": "cuidar a mi gato que no usa el arenero", "fr": "aider mon chat qui n'utilise plus sa litière",
          "de": "meiner Katze helfen, die nicht mehr aufs Katzenklo geht", "pt": "cuidar do meu gato que não usa a caixa de areia",
          "zh": "解决我的猫不用猫砂盆的问题"}),
        ("aquarium fish",
         ["cycle a new freshwater aquarium", "fix cloudy water in my fish tank",
          "choose fish that can live with a betta", "lower ammonia levels in my aquarium",
          "treat white spots on my goldfish"],
         ["The tank is 40 liters.", "I change 20 percent of the water weekly."],
         {"es": "mantener limpio el agua de mi acuario", "fr": "garder l'eau de mon aquarium propre",
          "de": "das Wasser in meinem Aquarium sauber halten", "pt": "manter a água do meu aquário limpa",
          "zh": "保持鱼缸水质清澈"}),
    ]),
    ("music", "Playing, learning, writing and recording music.", [
        ("learning guitar",
         ["play barre chords on guitar without buzzing", "learn guitar strumming patterns",
          "switch between guitar chords faster", "tune my guitar to drop D",
          "practice guitar scales for soloing"],
         ["I've been playing acoustic for three months.", "My fingers hurt after ten minutes."],
         {"es": "aprender a tocar acordes en la guitarra", "fr": "apprendre les accords à la guitare",
          "de": "Gitarrenakkorde spielen lernen", "pt": "aprender acordes no violão",
          "zh": "学习弹吉他和弦"}),
        ("music theory",
         ["understand the circle of fifths", "figure out which key a song is in",
          "write a chord progression that sounds sad", "understand modes like Dorian and Mixolydian",
          "read rhythm in sheet music"],
         ["I play a bit of piano.", "I mostly write pop songs."],
         {"es": "entender la teoría musical y el círculo de quintas", "fr": "comprendre la théorie musicale et le cycle des quintes",
          "de": "Musiktheorie und den Quintenzirkel verstehen", "pt": "entender teoria musical e o ciclo das quintas",
          "zh": "理解乐理和五度圈"}),
        ("home recording",
         ["record vocals at home without echo", "mix drums and bass so they don't sound muddy",
          "choose an audio interface and microphone for a home studio", "master a song for streaming loudness",
          "remove background noise from a recording"],
         ["I use Ableton Live.", "The room is a small bedroom."],
         {"es": "grabar y mezclar canciones en casa", "fr": "enregistrer et mixer des chansons à la maison",
          "de": "Songs zu Hause aufnehmen und abmischen", "pt": "gravar e mixar músicas em casa",
          "zh": "在家录音和混音"}),
    ]),
    ("sports and fitness", "Exercise, training plans, running, strength and sports.", [
        ("running",
         ["train for my first marathon", "run a 5k under 25 minutes",
          "avoid shin splints when running", "build a couch to 5k running plan",
          "breathe properly during long runs"],
         ["I currently run three times a week.", "The race is in 16 weeks."],
         {"es": "entrenar para correr mi primer maratón", "fr": "m'entraîner pour courir mon premier marathon",
          "de": "für meinen ersten Marathon trainieren", "pt": "treinar para correr minha primeira maratona",
          "zh": "为第一次跑马拉松做训练"}),
        ("strength training",
         ["build a beginner weightlifting routine", "increase my bench press",
          "do squats and deadlifts with good form", "gain muscle on a three-day gym split",
          "break through a plateau on pull-ups"],
         ["I go to the gym three times a week.", "I weigh about 70 kilos."],
         {"es": "hacer una rutina de pesas para ganar músculo", "fr": "suivre un programme de musculation pour prendre du muscle",
          "de": "einen Trainingsplan fürs Krafttraining erstellen", "pt": "montar um treino de musculação para ganhar massa",
          "zh": "制定增肌的力量训练计划"}),
        ("yoga and flexibility",
         ["improve my flexibility to touch my toes", "start a morning yoga routine",
          "stretch tight hips after cycling", "do a yoga flow for better balance",
          "learn to do a headstand safely"],
         ["I can only spare 20 minutes a day.", "My hamstrings are very tight."],
         {"es": "mejorar mi flexibilidad con yoga y estiramientos", "fr": "améliorer ma souplesse avec le yoga",
          "de": "meine Beweglichkeit mit Yoga und Dehnen verbessern", "pt": "melhorar minha flexibilidade com ioga",
          "zh": "通过瑜伽和拉伸提高柔韧性"}),
    ]),
    ("science homework", "Help with school and university science and maths problems.", [
        ("physics problems",
         ["solve a projectile motion problem", "calculate the force on a block on an inclined plane",
          "understand Newton's third law with an example", "find the current in a circuit with resistors in parallel",
          "compute the kinetic energy of a falling object"],
         ["The ball is launched at 30 degrees with 20 m/s.", "Friction can be ignored."],
         {"es": "resolver un problema de física sobre movimiento", "fr": "résoudre un exercice de physique sur le mouvement",
          "de": "eine Physikaufgabe zur Bewegung lösen", "pt": "resolver um exercício de física sobre movimento",
          "zh": "解一道关于运动的物理题"}),
        ("chemistry",
         ["balance a chemical equation for combustion", "calculate molarity of a solution",
          "understand why ionic bonds form", "find the limiting reactant in a reaction",
          "name organic compounds with IUPAC rules"],
         ["This is for AP Chemistry.", "The reaction is propane with oxygen."],
         {"es": "balancear una ecuación química", "fr": "équilibrer une équation chimique",
          "de": "eine chemische Reaktionsgleichung ausgleichen", "pt": "balancear uma equação química",
          "zh": "配平一个化学方程式"}),
        ("calculus",
         ["find the derivative of a function with the chain rule", "solve an integral by substitution",
          "understand limits and continuity", "use related rates to solve a word problem",
          "find the maximum of a function using derivatives"],
         ["The function is x squared times sine of x.", "The test is on Monday."],
         {"es": "resolver derivadas e integrales de cálculo", "fr": "résoudre des dérivées et des intégrales",
          "de": "Ableitungen und Integrale in Analysis lösen", "pt": "resolver derivadas e integrais de cálculo",
          "zh": "求导数和积分的微积分题"}),
    ]),
    ("language learning", "Learning foreign languages: grammar, vocabulary and pronunciation.", [
        ("spanish grammar",
         ["understand when to use ser versus estar in Spanish", "conjugate Spanish verbs in the subjunctive",
          "use por and para correctly in Spanish", "learn the Spanish preterite and imperfect tenses",
          "practice Spanish conversation on my own"],
         ["I'm at an A2 level.", "I'm moving to Madrid next year."],
         {"fr": "comprendre la grammaire espagnole et le subjonctif", "de": "die spanische Grammatik und den Subjuntivo lernen",
          "pt": "aprender a gramática espanhola e o subjuntivo", "zh": "学习西班牙语语法和虚拟式",
          "es": "enseñar a mi hijo la gramática del español"}),
        ("japanese study",
         ["memorize Japanese kanji efficiently", "learn hiragana and katakana in a week",
          "understand Japanese particles wa and ga", "prepare for the JLPT N4 exam",
          "pick up Japanese keigo for work"],
         ["I study about an hour a day.", "I use Anki already."],
         {"es": "aprender japonés y memorizar kanji", "fr": "apprendre le japonais et mémoriser les kanji",
          "de": "Japanisch lernen und Kanji auswendig lernen", "pt": "aprender japonês e memorizar kanji",
          "zh": "学习日语假名和汉字"}),
        ("english pronunciation",
         ["improve my English pronunciation of the th sound", "sound more natural when speaking English",
          "understand English phrasal verbs", "prepare for the IELTS speaking test",
          "reduce my accent in English"],
         ["English is my second language.", "I have the test in a month."],
         {"es": "mejorar mi pronunciación en inglés", "fr": "améliorer ma prononciation en anglais",
          "de": "meine englische Aussprache verbessern", "pt": "melhorar minha pronúncia em inglês",
          "zh": "提高英语口语发音"}),
    ]),
    ("gaming", "Video games: strategies, recommendations and gaming hardware.", [
        ("game strategy",
         ["beat the final boss in Elden Ring", "build a strong deck in Hearthstone",
          "improve my rank in League of Legends", "choose the best build for a mage in Diablo",
          "win more matches in Street Fighter"],
         ["I'm stuck at the same point for days.", "I play on PlayStation 5."],
         {"es": "derrotar al jefe final en Elden Ring", "fr": "battre le boss final dans Elden Ring",
          "de": "den Endboss in Elden Ring besiegen", "pt": "derrotar o chefe final em Elden Ring",
          "zh": "打败艾尔登法环的最终boss"}),
        ("minecraft",
         ["build an automatic farm in Minecraft", "set up a Minecraft server for friends",
          "find diamonds faster in Minecraft", "use redstone to make a hidden door in Minecraft",
          "install mods in Minecraft Java edition"],
         ["We play on version 1.20.", "It's a survival world."],
         {"es": "construir una granja automática en Minecraft", "fr": "construire une ferme automatique dans Minecraft",
          "de": "eine automatische Farm in Minecraft bauen", "pt": "construir uma fazenda automática no Minecraft",
          "zh": "在我的世界里建自动农场"}),
        ("gaming pc hardware",
         ["choose a graphics card for 1440p gaming", "build a gaming PC for 1,000 dollars",
          "fix stuttering and low FPS in games", "decide between an SSD upgrade and more RAM",
          "pick a gaming monitor with high refresh rate"],
         ["My current GPU is a GTX 1060.", "I mostly play shooters."],
         {"es": "montar un PC gamer y elegir la tarjeta gráfica", "fr": "monter un PC gamer et choisir la carte graphique",
          "de": "einen Gaming-PC zusammenstellen und die Grafikkarte wählen", "pt": "montar um PC gamer e escolher a placa de vídeo",
          "zh": "组装游戏电脑并选择显卡"}),
    ]),
    ("shopping", "Buying decisions, product comparisons, orders and returns.", [
        ("choosing electronics",
         ["choose a laptop for university under 800 dollars", "compare the latest iPhone and Pixel cameras",
          "pick noise-cancelling headphones for travel", "decide which tablet is best for drawing",
          "choose a robot vacuum for pet hair"],
         ["Battery life matters most to me.", "I mostly use it for browsing and documents."],
         {"es": "elegir un portátil o un móvil nuevo", "fr": "choisir un nouvel ordinateur portable ou téléphone",
          "de": "einen neuen Laptop oder ein Handy auswählen", "pt": "escolher um notebook ou celular novo",
          "zh": "挑选新的笔记本电脑或手机"}),
        ("returns and refunds",
         ["return an online order that arrived damaged", "get a refund for a package that never arrived",
          "write a complaint to a store about a faulty product", "dispute a charge for an order I cancelled",
          "return shoes after the 30-day window"],
         ["The seller stopped replying.", "I paid with a credit card."],
         {"es": "devolver un pedido online y pedir el reembolso", "fr": "retourner une commande en ligne et me faire rembourser",
          "de": "eine Online-Bestellung zurückschicken und das Geld zurückbekommen", "pt": "devolver uma compra online e pedir reembolso",
          "zh": "退回网购的商品并申请退款"}),
        ("furniture and home goods",
         ["choose a sofa that fits a small living room", "pick a good mattress for back sleepers",
          "furnish my first apartment on a budget", "choose a standing desk",
          "compare solid wood and veneer dining tables"],
         ["The living room is about 15 square meters.", "I have a budget of 1,500."],
         {"es": "comprar muebles para mi primer piso", "fr": "acheter des meubles pour mon premier appartement",
          "de": "Möbel für meine erste Wohnung kaufen", "pt": "comprar móveis para meu primeiro apartamento",
          "zh": "为第一套公寓挑选家具"}),
    ]),
    ("mental wellbeing", "Emotional health: stress, anxiety, motivation, grief and mindfulness.", [
        ("anxiety and stress",
         ["calm down during a panic attack", "manage stress from work deadlines",
          "stop overthinking everything at night", "cope with social anxiety at parties",
          "handle anxiety before a big presentation"],
         ["My heart races and I can't breathe well.", "It has gotten worse this year."],
         {"es": "manejar la ansiedad y el estrés", "fr": "gérer mon anxiété et mon stress",
          "de": "mit Angst und Stress besser umgehen", "pt": "lidar com a ansiedade e o estresse",
          "zh": "缓解焦虑和压力"}),
        ("motivation and procrastination",
         ["stop procrastinating on my thesis", "build a daily routine and stick to it",
          "get motivated to work out when I'm tired", "focus when working from home",
          "break a big project into small steps"],
         ["I keep scrolling social media instead.", "The deadline is in two weeks."],
         {"es": "dejar de procrastinar y ser más productivo", "fr": "arrêter de procrastiner et être plus productif",
          "de": "aufhören zu prokrastinieren und produktiver werden", "pt": "parar de procrastinar e ser mais produtivo",
          "zh": "克服拖延症，提高效率"}),
        ("grief and loss",
         ["cope with the death of my grandmother", "support a friend who lost a parent",
          "deal with grief after losing my dog", "write a eulogy for my uncle",
          "get through the first holidays after a loss"],
         ["It happened two months ago.", "I can't concentrate at work."],
         {"es": "superar el duelo por la muerte de un familiar", "fr": "faire le deuil d'un proche décédé",
          "de": "mit der Trauer um einen verstorbenen Angehörigen umgehen", "pt": "lidar com o luto pela morte de um familiar",
          "zh": "走出失去亲人的悲伤"}),
    ]),
]

LANG_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "zh": "Chinese"}
# Share of conversations per language; English is the majority, as in real traffic.
LANG_WEIGHTS = [("en", 0.72), ("es", 0.07), ("fr", 0.06), ("de", 0.06), ("pt", 0.05), ("zh", 0.04)]

# Opening frames; {r} is a request phrase in that language, {d} an optional detail (English only).
FRAMES = {
    "en": ["Hi, can you help me {r}?", "I need to {r}. {d}", "how do i {r}", "Could you explain how to {r}? {d}",
           "I'm trying to {r} but I'm stuck. {d}", "What's the best way to {r}?", "Please help me {r}.",
           "hey quick question, how can I {r}? {d}", "Hello! I would like to {r}. {d} Any advice?",
           "Can you walk me through how to {r}?", "{d} I want to {r}, where do I start?",
           "Good morning. I'd appreciate guidance on how to {r}."],
    "es": ["Hola, ¿me puedes ayudar a {r}?", "Necesito {r}. ¿Qué me recomiendas?", "¿Cómo puedo {r}?",
           "Buenas, quiero {r} pero no sé por dónde empezar."],
    "fr": ["Bonjour, pouvez-vous m'aider à {r} ?", "J'ai besoin d'aide pour {r}.", "Comment faire pour {r} ?",
           "Salut, je voudrais {r}, par où commencer ?"],
    "de": ["Hallo, wie kann ich {r}?", "Ich möchte {r}. Hast du Tipps?", "Kannst du mir erklären, wie ich {r} kann?",
           "Guten Tag, ich will {r}, aber weiß nicht wie."],
    "pt": ["Olá, pode me ajudar a {r}?", "Preciso {r}. O que você recomenda?", "Como posso {r}?",
           "Oi, quero {r} mas não sei por onde começar."],
    "zh": ["你好，请帮我{r}。", "我想{r}，应该怎么做？", "怎么{r}？", "请问如何{r}？谢谢！"],
}
FOLLOWUPS = {
    "en": ["Thanks! {d}", "Can you give me a concrete example?", "What if that doesn't work?",
           "ok and how would I {r} as well?", "Great. One more thing: {d}", "hmm, could you make it simpler?",
           "That helps. Is there anything I should avoid?"],
    "es": ["¡Gracias! ¿Puedes darme un ejemplo?", "¿Y si eso no funciona?", "Vale, ¿algo más que deba saber?"],
    "fr": ["Merci ! Pouvez-vous donner un exemple ?", "Et si ça ne marche pas ?", "D'accord, autre chose à savoir ?"],
    "de": ["Danke! Kannst du ein Beispiel geben?", "Und wenn das nicht klappt?", "Okay, sonst noch etwas?"],
    "pt": ["Obrigado! Pode dar um exemplo?", "E se isso não funcionar?", "Certo, mais alguma coisa?"],
    "zh": ["谢谢！能举个例子吗？", "如果这样不行怎么办？", "好的，还有什么要注意的吗？"],
}
ANSWERS = {
    "en": ["Sure! Here are a few steps you can try.", "Good question. The short answer is that it depends, but here is a plan.",
           "Here's how I would approach it, step by step.", "Absolutely. Let's break it down."],
    "es": ["¡Claro! Aquí tienes algunos pasos.", "Buena pregunta. Te explico paso a paso."],
    "fr": ["Bien sûr ! Voici quelques étapes.", "Bonne question. Voici comment procéder."],
    "de": ["Klar! Hier sind ein paar Schritte.", "Gute Frage. So gehst du am besten vor."],
    "pt": ["Claro! Aqui estão alguns passos.", "Boa pergunta. Vou explicar passo a passo."],
    "zh": ["当然！你可以按以下步骤来做。", "好问题。我一步一步解释。"],
}

# Planted personal details. Surnames avoid ordinary words so a partial match means a real leak.
# Names and addresses are written in a locale's own forms: the conversation's language, or
# (FOREIGN_SHARE of them) another locale's, as with an address abroad or a signature in one's
# own language. Italian, Dutch and Japanese appear only as such forms.
FIRST = {
    "en": ["Olivia", "James", "Amelia", "Ethan", "Harper", "Mason", "Charlotte", "Liam", "Abigail", "Nathan",
           "Kwame", "Niamh", "Siddharth", "Thandiwe", "Tariq", "Aiko"],
    "es": ["Lucía", "Mateo", "Valentina", "Santiago", "Camila", "Diego", "Ximena", "Alejandro", "Itziar", "Nahuel"],
    "fr": ["Camille", "Louis", "Chloé", "Hugo", "Manon", "Théo", "Inès", "Mathis", "Anouk", "Gaëtan"],
    "de": ["Lena", "Jonas", "Hannah", "Lukas", "Mia", "Felix", "Greta", "Maximilian", "Wiebke", "Torben"],
    "pt": ["Beatriz", "João", "Mariana", "Gabriel", "Larissa", "Rafael", "Fernanda", "Thiago", "Iara", "Cauã"],
    "it": ["Giulia", "Lorenzo", "Chiara", "Tommaso", "Ginevra", "Niccolò", "Benedetta", "Jacopo"],
    "nl": ["Joris", "Maartje", "Wouter", "Lieke", "Sanne", "Daan"],
    "zh": ["伟", "芳", "娜", "敏", "静", "磊", "洋", "婷"],
    "ja": ["太郎", "美咲", "健太", "由美", "大輔", "彩花"],
}
LAST = {
    "en": ["Whitfield", "Harrington", "Caldwell", "Pemberton", "Okafor", "Lindqvist", "Abernathy", "Kowalczyk",
           "Thornbury", "Gallagher", "Montgomery", "Fairbanks", "Adeyemi", "Ravindran", "Nakashima", "Oyelaran"],
    "es": ["Castellanos", "Echeverría", "Villanueva", "Quintero", "Arredondo", "Montoya", "Zamora", "Benavides"],
    "fr": ["Delacroix", "Fontaine", "Marchetti", "Beauchamp", "Lefebvre", "Rousseau", "Girardot", "Vasseur"],
    "de": ["Schwarzkopf", "Hoffmann", "Brandauer", "Kessler", "Wiedemann", "Lindenberg", "Falkenstein", "Oberhauser"],
    "pt": ["Albuquerque", "Figueiredo", "Magalhães", "Carvalho", "Nogueira", "Cavalcanti", "Brandão", "Siqueira"],
    "it": ["Bernardi", "Colombo", "Pellegrini", "Sorrentino", "De Santis", "Ferraro", "Lombardo", "Vitale"],
    "nl": ["de Vries", "van Dijk", "Hendriks", "Kuipers", "Willemsen", "van der Berg"],
    "zh": ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"],
    "ja": ["山田", "中島", "小松", "早川", "石橋", "長岡"],
}
# Spanish and Portuguese names often carry two surnames: "Lucía Castellanos Quintero".
SECOND_SURNAME = {"es": 0.3, "pt": 0.3}
ROMAN = {"伟": "wei", "芳": "fang", "娜": "na", "敏": "min", "静": "jing", "磊": "lei", "洋": "yang", "婷": "ting",
         "王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang", "赵": "zhao", "黄": "huang",
         "太郎": "taro", "美咲": "misaki", "健太": "kenta", "由美": "yumi", "大輔": "daisuke", "彩花": "ayaka",
         "山田": "yamada", "中島": "nakajima", "小松": "komatsu", "早川": "hayakawa", "石橋": "ishibashi", "長岡": "nagaoka"}
CJK_LOCALES = ("zh", "ja")
FOREIGN_SHARE = 0.3
DETAIL_LOCALES = ["en", "es", "fr", "de", "pt", "it", "nl", "zh", "ja"]
DOMAINS = {"en": ["gmail.com", "outlook.com", "yahoo.com"], "es": ["gmail.com", "hotmail.es"],
           "fr": ["orange.fr", "free.fr"], "de": ["web.de", "gmx.de"], "pt": ["uol.com.br", "gmail.com"],
           "zh": ["qq.com", "163.com"]}
CITIES = {"en": ["Springfield", "Portland", "Leeds", "Bristol"], "es": ["Sevilla", "Valencia", "Bilbao", "Madrid"],
          "fr": ["Lyon", "Nantes", "Toulouse", "Paris"], "de": ["Leipzig", "Hamburg", "Köln", "Berlin"],
          "pt": ["Campinas", "Porto Alegre", "Recife", "São Paulo"], "it": ["Milano", "Torino", "Bologna", "Roma"],
          "nl": ["Utrecht", "Amsterdam", "Den Haag"], "zh": ["北京市朝阳区", "上海市徐汇区", "广州市天河区", "深圳市南山区"]}
EN_STREETS = (["Maple", "Oakwood", "Birchmount", "Hollis", "Kingsley", "Ashford", "Willowbrook", "Cedar Ridge"],
              ["Street", "St", "Avenue", "Ave", "Road", "Rd", "Lane", "Drive", "Court", "Place", "Boulevard", "Way",
               "Terrace", "Crescent"])
ES_STREETS = (["Calle", "Avenida", "Paseo", "Plaza", "Ronda"],
              ["Mayor", "de Alcalá", "del Puerto", "Sierpes", "de Gracia", "San Vicente", "de la Constitución"])
FR_STREETS = (["rue", "avenue", "boulevard", "place", "allée", "chemin", "impasse", "quai", "Rue", "Avenue"],
              ["des Lilas", "Jean Jaurès", "Victor Hugo", "Voltaire", "de la République", "des Tilleuls", "Saint-Michel"])
DE_STREETS = (["Linden", "Goethe", "Bahnhof", "Schiller", "Mozart", "Birken", "Kastanien"],
              ["straße", "strasse", "str.", "weg", "platz", "allee", "gasse"],
              ["Berliner Straße", "Hamburger Straße", "Am Markt", "Am Rosengarten", "An der Alster", "Im Winkel"])
PT_STREETS = (["Rua", "Avenida", "Av.", "Travessa", "Praça", "Alameda"],
              ["das Flores", "Paulista", "Augusta", "do Carmo", "da Liberdade", "Oscar Freire", "Sete de Setembro"])
IT_STREETS = (["Via", "Viale", "Piazza", "Corso", "Vicolo", "Largo"],
              ["Roma", "Garibaldi", "Giuseppe Verdi", "dei Mille", "della Repubblica", "Mazzini", "Cavour"])
NL_STREETS = (["Kerk", "Dorps", "Prinsen", "Stations", "Beethoven", "Molen"],
              ["straat", "weg", "gracht", "plein", "laan", "kade", "singel"])
ZH_STREETS = ["建国路", "中山路", "人民路", "南京西路", "解放大道", "长安街", "淮海中路"]
JA_AREAS = [("東京都新宿区", "西新宿"), ("東京都渋谷区", "神南"), ("大阪府大阪市北区", "梅田"),
            ("京都府京都市左京区", "下鴨"), ("神奈川県横浜市中区", "山下町"), ("北海道札幌市中央区", "大通西")]
US_STATES = ["IL", "OR", "NY", "TX", "CA", "MA"]

# Self-introductions ({v} the full name); sign-offs go at the end of a message and may give
# only the first name ({f}); introductions with an address ({a}) plant both.
NAME_INTROS = {
    "en": ["My name is {v}.", "I'm {v}, by the way.", "This is {v} writing.", "Hi, this is {v}.", "Hello, I'm {v}.",
           "I am {v} and I run a small business.", "{v} here.", "My name's {v}.", "This is {v}, a long-time user."],
    "es": ["Me llamo {v}.", "Soy {v}.", "Hola, soy {v}.", "Mi nombre es {v}."],
    "fr": ["Je m'appelle {v}.", "Je suis {v}.", "Bonjour, je suis {v}.", "Mon nom est {v}."],
    "de": ["Ich heiße {v}.", "Ich bin {v}.", "Hallo, ich bin {v}.", "Mein Name ist {v}."],
    "pt": ["Meu nome é {v}.", "Sou {v}.", "Eu sou {v}.", "Me chamo {v}."],
    "it": ["Mi chiamo {v}.", "Sono {v}.", "Ciao, sono {v}.", "Il mio nome è {v}."],
    "nl": ["Ik ben {v}.", "Mijn naam is {v}.", "Ik heet {v}."],
    "zh": ["我叫{v}。", "我是{v}。", "你好，我是{v}，", "我的名字是{v}。"],
    "ja": ["私は{v}です。", "{v}と申します。", "私の名前は{v}です。"],
}
NAME_SIGNOFFS = {
    "en": ["Regards, {v}", "Thanks,\n{v}", "Best,\n{f}", "Cheers, {f}", "— {v}", "Thanks, {f}", "Best regards,\n{v}"],
    "es": ["Saludos,\n{v}", "Un saludo, {f}", "Gracias, {f}"],
    "fr": ["Cordialement, {v}", "Merci, {f}", "Bien à vous,\n{v}"],
    "de": ["Viele Grüße, {v}", "Grüße, {f}", "Liebe Grüße\n{f}", "Danke, {f}"],
    "pt": ["Abraços,\n{f}", "Obrigado, {f}", "Atenciosamente,\n{v}"],
    "it": ["Cordiali saluti,\n{v}", "Grazie, {f}", "Saluti, {f}"],
    "nl": ["Groeten, {f}", "Met vriendelijke groet,\n{v}"],
    "zh": ["谢谢！\n{v}"],
    "ja": ["よろしくお願いします。\n{v}"],
}
INTRO_WITH_ADDRESS = {
    "en": ["This is {v} from {a}.", "Hi, I'm {v} and I live at {a}."],
    "es": ["Soy {v} y vivo en {a}."], "fr": ["Je suis {v}, j'habite {a}."],
    "de": ["Ich bin {v}, meine Adresse ist {a}."], "pt": ["Sou {v} e moro na {a}."],
    "it": ["Sono {v} e abito in {a}."], "nl": ["Ik ben {v} en ik woon op {a}."],
    "zh": ["我是{v}，住在{a}。"], "ja": ["{v}と申します。住所は{a}です。"],
}
ADDRESS_SENTENCES = {
    "en": ["I live at {a}.", "Ship it to {a} please.", "My address is {a}.", "Please send it to {a}."],
    "es": ["Vivo en {a}.", "Mi dirección es {a}.", "Envíalo a {a}, por favor."],
    "fr": ["Mon adresse est {a}.", "J'habite {a}.", "Mon adresse : {a}."],
    "de": ["Meine Adresse ist {a}.", "Meine Adresse: {a}.", "Schick es bitte an {a}."],
    "pt": ["Moro na {a}.", "Meu endereço é {a}."],
    "it": ["Abito in {a}.", "Il mio indirizzo è {a}."],
    "nl": ["Ik woon op {a}.", "Mijn adres is {a}."],
    "zh": ["我住在{a}。", "请寄到{a}。", "地址：{a}。"],
    "ja": ["住所は{a}です。", "{a}に住んでいます。"],
}
PII_SENTENCES = {
    "email": {"en": ["You can email me at {v}.", "my email is {v}", "Please send the details to {v}."],
              "es": ["Mi correo es {v}."], "fr": ["Mon e-mail est {v}."], "de": ["Meine E-Mail ist {v}."],
              "pt": ["Meu e-mail é {v}."], "zh": ["我的邮箱是{v}。"]},
    "phone": {"en": ["Call me at {v}.", "my number is {v} if that helps", "You can text me on {v}."],
              "es": ["Mi teléfono es {v}."], "fr": ["Mon numéro est le {v}."], "de": ["Meine Telefonnummer ist {v}."],
              "pt": ["Meu telefone é {v}."], "zh": ["我的电话是{v}。"]},
    "id": {"en": ["My account number is {v}.", "The customer ID on my file is {v}.", "policy number {v}"],
           "es": ["Mi número de cuenta es {v}."], "fr": ["Mon numéro de client est {v}."],
           "de": ["Meine Kundennummer ist {v}."], "pt": ["Meu número de conta é {v}."], "zh": ["我的账号是{v}。"]},
}
KINDS = ["name", "email", "phone", "address", "id"]


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def plain(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower().replace(" ", "")


def make_person(rng, locale):
    """(full name, first name, email local part) of an invented person of a locale."""
    first, last = rng.choice(FIRST[locale]), rng.choice(LAST[locale])
    if locale in CJK_LOCALES:
        return last + first, first, ROMAN[last] + "." + ROMAN[first] + digits(rng, 3)
    if rng.random() < SECOND_SURNAME.get(locale, 0):
        last += " " + rng.choice([l for l in LAST[locale] if l != last])
    local = rng.choice(["{f}.{l}", "{f}{l}{n}", "{f0}{l}", "{l}.{f}{n}"]).format(
        f=plain(first), l=plain(last.split()[-1]), f0=plain(first)[0], n=digits(rng, 2))
    return first + " " + last, first, local


def make_address(rng, locale):
    """(address, [cores]): the address as written and the parts whose presence counts as a leak
    (street and number; a UK postcode, which narrows to a few houses, on its own too)."""
    n = str(rng.randint(2, 480))
    k = str(rng.randint(1, 9))
    if locale == "en":
        names, types = EN_STREETS
        street = f"{n}{rng.choice(['', '', '', 'B'])} {rng.choice(names)} {rng.choice(types)}"
        city, unit = rng.choice(CITIES["en"]), k + rng.choice("ABCD")
        zip_code = f"{rng.choice(US_STATES)} {digits(rng, 5)}"
        district = rng.randint(1, 19)
        uk = (f"{rng.choice(['SW', 'N', 'EC', 'LS', 'BS', 'M'])}{district}{rng.choice(['', 'A']) if district < 10 else ''} "
              f"{k}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTU')}")
        return rng.choice([
            (f"{street}, {city}", [street]), (f"Apt {unit}, {street}, {city}", [street]),
            (f"{street}, Apt {unit}, {city}, {zip_code}", [street]), (f"{street}, Suite {n}, {city}, {zip_code}", [street]),
            (f"Flat {k}, {street}, London {uk}", [street, uk]), (f"{street}, {city} {uk}", [street, uk])])
    if locale == "es":
        types, names = ES_STREETS
        name, city, cp = rng.choice(names), rng.choice(CITIES["es"]), rng.choice(["28", "41", "46", "48"]) + digits(rng, 3)
        street = f"{rng.choice(types)} {name}"
        return rng.choice([
            (f"{street} {n}, {city}", [f"{street} {n}"]), (f"{n} {street}", [f"{n} {street}"]),
            (f"{street}, {n}, {k}º {rng.choice('ABCD')}, {cp} {city}", [f"{street}, {n}"]),
            (f"{street} {n}, piso {k}, {cp} {city}", [f"{street} {n}"]),
            (f"C/ {name} {n}, {k}º", [f"C/ {name} {n}"]), (f"{street} nº {n}, {city}", [f"{street} nº {n}"])])
    if locale == "fr":
        types, names = FR_STREETS
        street, city, cp = f"{rng.choice(types)} {rng.choice(names)}", rng.choice(CITIES["fr"]), digits(rng, 5)
        return rng.choice([
            (f"{n} {street}, {city}", [f"{n} {street}"]), (f"{n} {street}, {cp} {city}", [f"{n} {street}"]),
            (f"{n} bis {street}, {city}", [f"{n} bis {street}"]), (f"{n}, {street}, {cp} {city}", [f"{n}, {street}"]),
            (f"appartement {k}, {n} {street}, {cp} {city}", [f"{n} {street}"])])
    if locale == "de":
        bases, suffixes, whole = DE_STREETS
        street = rng.choice([rng.choice(bases) + rng.choice(suffixes), rng.choice(whole)])
        number = n + rng.choice(["", "", "a"])
        city, plz = rng.choice(CITIES["de"]), digits(rng, 5)
        return rng.choice([(f"{street} {number}, {city}", [f"{street} {number}"]),
                           (f"{street} {number}, {plz} {city}", [f"{street} {number}"])])
    if locale == "pt":
        types, names = PT_STREETS
        street, city = f"{rng.choice(types)} {rng.choice(names)}", rng.choice(CITIES["pt"])
        cep = f"{digits(rng, 5)}-{digits(rng, 3)}"
        return rng.choice([
            (f"{street}, {n}, {city}", [f"{street}, {n}"]), (f"{street} {n}, apto {k}{digits(rng, 2)}, {cep} {city}", [f"{street} {n}"]),
            (f"{street}, nº {n}, {city}", [f"{street}, nº {n}"]), (f"{street} {n}, {digits(rng, 4)}-{digits(rng, 3)} Lisboa", [f"{street} {n}"])])
    if locale == "it":
        types, names = IT_STREETS
        street, city, cap = f"{rng.choice(types)} {rng.choice(names)}", rng.choice(CITIES["it"]), digits(rng, 5)
        return rng.choice([
            (f"{street} {n}, {cap} {city}", [f"{street} {n}"]), (f"{street}, {n}, {city}", [f"{street}, {n}"]),
            (f"{street} {n}, int. {k}, {cap} {city}", [f"{street} {n}"])])
    if locale == "nl":
        bases, suffixes = NL_STREETS
        street, city = rng.choice(bases) + rng.choice(suffixes), rng.choice(CITIES["nl"])
        postcode = f"{rng.randint(1000, 9999)} {rng.choice('ABCDEFGHJK')}{rng.choice('LMNPRSTVWX')}"
        return rng.choice([(f"{street} {n}, {postcode} {city}", [f"{street} {n}"]),
                           (f"{street} {n}{rng.choice('abc')}, {city}", [f"{street} {n}"])])
    if locale == "zh":
        street, city = rng.choice(ZH_STREETS), rng.choice(CITIES["zh"])
        return rng.choice([
            (f"{city}{street}{n}号", [f"{street}{n}号"]), (f"{city}{street}{n}号{k}栋{rng.randint(101, 2808)}室", [f"{street}{n}号"]),
            (f"{street}{n}号", [f"{street}{n}号"]), (f"{city}{street}{n}弄{k}号", [f"{street}{n}弄"])])
    prefecture, town = rng.choice(JA_AREAS)
    a, b, c = str(rng.randint(1, 9)), str(rng.randint(1, 30)), str(rng.randint(1, 20))
    postal = f"〒{digits(rng, 3)}-{digits(rng, 4)}"
    return rng.choice([
        (f"{prefecture}{town}{a}丁目{b}番{c}号", [f"{town}{a}丁目{b}番{c}号"]),
        (f"{postal} {prefecture}{town}{a}-{b}-{c}", [f"{town}{a}-{b}-{c}"]),
        (f"{prefecture}{town}{a}丁目{b}番地", [f"{town}{a}丁目{b}番地"]),
        (f"{prefecture}{town}{a}丁目{b}-{c}", [f"{town}{a}丁目{b}-{c}"])])


def make_value(rng, lang, kind, person):
    full, _, local = person
    if kind == "email":
        return local + "@" + rng.choice(DOMAINS[lang])
    if kind == "phone":
        if lang == "en":
            return rng.choice(["+1 ({a}) {b}-{c}", "{a}-{b}-{c}", "({a}) {b} {c}", "+44 7{a} {b}{c0}"]).format(
                a=str(rng.randint(201, 989)), b=digits(rng, 3), c=digits(rng, 4), c0=digits(rng, 3))
        return {
            "es": lambda: "+34 6{0} {1} {2}".format(digits(rng, 2), digits(rng, 3), digits(rng, 3)),
            "fr": lambda: "0{0} {1} {2} {3} {4}".format(rng.choice("67"), digits(rng, 2), digits(rng, 2), digits(rng, 2), digits(rng, 2)),
            "de": lambda: "+49 15{0} {1}".format(digits(rng, 1), digits(rng, 8)),
            "pt": lambda: "+55 11 9{0}-{1}".format(digits(rng, 4), digits(rng, 4)),
            "zh": lambda: "13{0} {1} {2}".format(digits(rng, 1), digits(rng, 4), digits(rng, 4)),
        }[lang]()
    # Account and ID numbers: long digit strings, sometimes grouped, sometimes with a prefix.
    return rng.choice([lambda: digits(rng, 10), lambda: "-".join(digits(rng, 4) for _ in range(3)),
                       lambda: " ".join(digits(rng, 4) for _ in range(4)), lambda: "ACC" + digits(rng, 9)])()


def plant_sentences(rng, lang, kinds):
    """[(sentence, is_sign_off, [planted…])] for the chosen kinds of one invented person."""
    locale = lang if rng.random() >= FOREIGN_SHARE else rng.choice(DETAIL_LOCALES)
    person = make_person(rng, locale)
    full, first, _ = person
    result = []
    todo = list(kinds)
    if "name" in todo and "address" in todo and rng.random() < 0.5:
        address, cores = make_address(rng, locale)
        sentence = rng.choice(INTRO_WITH_ADDRESS[locale]).replace("{v}", full).replace("{a}", address)
        result.append((sentence, False, [{"kind": "name", "value": full},
                                         {"kind": "address", "value": address, "core": cores}]))
        todo = [k for k in todo if k not in ("name", "address")]
    for kind in todo:
        if kind == "name":
            if rng.random() < 0.35:
                template = rng.choice(NAME_SIGNOFFS[locale])
                value = first if "{f}" in template else full
                result.append((template.replace("{f}", first).replace("{v}", full), True, [{"kind": "name", "value": value}]))
            else:
                result.append((rng.choice(NAME_INTROS[locale]).replace("{v}", full), False, [{"kind": "name", "value": full}]))
        elif kind == "address":
            address, cores = make_address(rng, locale)
            sentence = rng.choice(ADDRESS_SENTENCES[locale]).replace("{a}", address)
            result.append((sentence, False, [{"kind": "address", "value": address, "core": cores}]))
        else:
            value = make_value(rng, lang, kind, person)
            result.append((rng.choice(PII_SENTENCES[kind][lang]).replace("{v}", value), False, [{"kind": kind, "value": value}]))
    # A sign-off ends its message, after anything else planted there.
    return sorted(result, key=lambda item: item[1])


def typo(rng, text):
    """Casual English: lower case, a dropped final stop, a swapped or doubled letter."""
    if rng.random() < 0.3:
        text = text.lower()
    if rng.random() < 0.3:
        text = text.rstrip(".?!")
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    if candidates and rng.random() < 0.5:
        i = rng.choice(candidates)
        w = words[i]
        j = rng.randrange(len(w) - 1)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:] if rng.random() < 0.6 else w[:j] + w[j] + w[j:]
    return " ".join(words)


def fill(rng, frame, request, details):
    text = frame.replace("{r}", request).replace("{d}", rng.choice(details) if details and rng.random() < 0.7 else "")
    return " ".join(text.split())


def conversation(rng, detail_rng, index, args, users, start):
    cat_index = rng.randrange(len(TAXONOMY))
    category, _, subtopics = TAXONOMY[cat_index]
    subtopic, requests, details, translations = subtopics[rng.randrange(len(subtopics))]
    lang = rng.choices([l for l, _ in LANG_WEIGHTS], [w for _, w in LANG_WEIGHTS])[0]
    turns = rng.choices([1, 2, 3, 4, 5], [40, 25, 18, 10, 7])[0]
    user_texts = []
    for t in range(turns):
        if lang == "en":
            if t == 0:
                text = fill(rng, rng.choice(FRAMES["en"]), rng.choice(requests), details)
                if rng.random() < 0.35:
                    text = typo(rng, text)
            else:
                text = fill(rng, rng.choice(FOLLOWUPS["en"]), rng.choice(requests), details)
        else:
            if t == 0:
                text = rng.choice(FRAMES[lang]).replace("{r}", translations[lang])
            else:
                text = rng.choice(FOLLOWUPS[lang])
        user_texts.append(text)
    planted = []
    # Details come from their own random stream (`detail_rng`), so changing their forms leaves the
    # topics, languages and turns of every conversation as they were.
    if detail_rng.random() < args.pii_share:
        kinds = detail_rng.sample(KINDS, detail_rng.choices([1, 2, 3], [50, 35, 15])[0])
        for sentence, sign_off, values in plant_sentences(detail_rng, lang, kinds):
            # Most details sit in the first message, where summaries draw from.
            turn = 0 if detail_rng.random() < 0.7 else detail_rng.randrange(turns)
            sep = "" if lang == "zh" and sentence[0] >= "\u3000" else " "
            if sign_off:
                user_texts[turn] = user_texts[turn] + "\n\n" + sentence
            elif detail_rng.random() < 0.5:
                user_texts[turn] = sentence + sep + user_texts[turn]
            else:
                user_texts[turn] = user_texts[turn] + sep + sentence
            planted.extend(values)
    messages = []
    for text in user_texts:
        messages.append({"role": "user", "content": text})
        messages.append({"role": "assistant", "content": rng.choice(ANSWERS[lang])})
    created = start + datetime.timedelta(seconds=rng.randrange(183 * 86400))
    conv = {"id": f"ev-{index:05d}", "user": rng.choice(users),
            "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"), "messages": messages}
    truth = {"id": conv["id"], "category": category, "subtopic": subtopic, "language": LANG_NAMES[lang],
             "planted": planted}
    return conv, truth


def main():
    parser = argparse.ArgumentParser(description="Write a labelled synthetic conversation set for evaluating clio.")
    parser.add_argument("--count", type=int, default=3000, help="conversations to write (default 3000)")
    parser.add_argument("--seed", type=int, default=8, help="random seed (default 8)")
    parser.add_argument("--pii-share", type=float, default=0.30, help="share with planted personal details (default 0.30)")
    parser.add_argument("--out", default="eval-data", help="output folder (default eval-data)")
    args = parser.parse_args()
    if args.count < 1 or not 0 <= args.pii_share <= 1:
        parser.error("--count must be positive and --pii-share within 0…1")
    rng = random.Random(args.seed)
    detail_rng = random.Random(f"details-{args.seed}")
    users = [f"u-{i:04d}" for i in range(max(1, args.count // 3))]
    start = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    os.makedirs(args.out, exist_ok=True)
    dump = lambda obj: json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"
    with open(os.path.join(args.out, "conversations.jsonl"), "w", encoding="utf-8") as conv_file, \
         open(os.path.join(args.out, "truth.jsonl"), "w", encoding="utf-8") as truth_file:
        for i in range(args.count):
            conv, truth = conversation(rng, detail_rng, i, args, users, start)
            conv_file.write(dump(conv))
            truth_file.write(dump(truth))
    with open(os.path.join(args.out, "categories.jsonl"), "w", encoding="utf-8") as cat_file:
        for category, description, subtopics in TAXONOMY:
            # `text` is what clio-embed embeds (--field text) for the fixed-top-level measurement:
            # name, description and subtopic names, phrased like a request facet so that the
            # category and the summaries are embedded in the same register (measured: 61% against
            # 50% for "name: description" with MiniLM on the default set).
            lowered = description[0].lower() + description[1:]
            text = (f"The user's overall request for the assistant is to help with {category}: {lowered} "
                    f"This includes {', '.join(s[0] for s in subtopics)}.")
            cat_file.write(dump({"category": category, "description": description,
                                 "subtopics": [s[0] for s in subtopics], "text": text}))


if __name__ == "__main__":
    main()
