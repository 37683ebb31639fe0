-- A synthetic catalogue for the load benchmark: :papers papers over ~3 years, 27 topics, links, mentions,
-- one digest a day. Words follow Zipf's law over ~6,000 terms (ML words first, then made-up rare terms), so as
-- in real abstracts a few terms are in most papers and most terms in few.
-- Run with: psql -v papers=100000 -f generate-catalogue.sql
\set ON_ERROR_STOP on
select setseed(0.42);
set maintenance_work_mem = '512MB';

create temporary table vocabulary as
select row_number() over () as n, word from unnest(string_to_array(
  'model models language large learning training data neural network transformer attention layer layers '
  'token tokens vision image images video text reasoning agent agents reward policy reinforcement diffusion '
  'generation generative retrieval augmented benchmark benchmarks evaluation dataset datasets fine tuning '
  'instruction alignment preference human feedback safety robust robustness efficient efficiency sparse '
  'mixture experts expert routing quantization pruning distillation compression inference latency memory '
  'context long window scaling laws emergent abilities chain thought prompting prompt zero shot few '
  'multimodal audio speech recognition translation summarization question answering code program synthesis '
  'mathematical math proof theorem graph node embedding embeddings representation contrastive self supervised '
  'pretraining pretrained adapter adapters lora rank low parameter parameters gradient optimizer adam '
  'convergence stochastic bayesian uncertainty calibration hallucination factuality knowledge editing '
  'memorization privacy federated decentralized hardware accelerator kernel cuda throughput serving cache '
  'kv decoding speculative sampling beam search planning tool use web navigation embodied robot robotics '
  'manipulation control simulation world physics 3d scene reconstruction rendering nerf gaussian splatting '
  'segmentation detection tracking depth estimation medical clinical biology protein molecule chemistry '
  'drug discovery climate weather forecasting time series tabular recommendation ranking search engine '
  'evaluation leaderboard metric metrics human annotation synthetic curriculum continual lifelong forgetting '
  'transfer domain adaptation generalization out distribution shift adversarial attack defense watermark '
  'detection jailbreak red teaming interpretability mechanistic circuits probing neurons features sparse '
  'autoencoder steering activation state space mamba recurrent linear convolution vit clip llava llama '
  'mistral qwen gemma gpt bert t5 stable unet flow matching consistency score energy', ' ')) as word;

create temporary table topic_seed (slug text, name text);
insert into topic_seed values
  ('llm', 'Large language models'), ('peft', 'Parameter-efficient fine-tuning'), ('agents', 'Agents'),
  ('rl', 'Reinforcement learning'), ('alignment', 'Alignment'), ('reasoning', 'Reasoning'),
  ('multimodal', 'Multimodal'), ('vision', 'Computer vision'), ('video', 'Video'), ('3d', '3D'),
  ('diffusion', 'Diffusion models'), ('speech', 'Speech and audio'), ('code', 'Code generation'),
  ('math', 'Mathematics'), ('rag', 'Retrieval-augmented generation'), ('efficiency', 'Efficient inference'),
  ('quantization', 'Quantization'), ('moe', 'Mixture of experts'), ('safety', 'Safety'),
  ('interpretability', 'Interpretability'), ('robotics', 'Robotics'), ('medical', 'Medical'),
  ('science', 'Science'), ('benchmarks', 'Benchmarks and evaluation'), ('data', 'Datasets and data'),
  ('theory', 'Theory'), ('graphs', 'Graphs');
insert into topic (slug, name) select slug, name from topic_seed on conflict (slug) do nothing;

-- Zipf (exponent 1) over the ML words followed by 6,000 made-up rare terms: rank r is drawn with probability
-- proportional to 1/r. Drawn set-based, not word by word in plpgsql (which took most of a 100,000-paper build):
-- 100,000 sentences of 15 drawn words each; a paper's abstract is 7 to 12 sentences picked at random and its title the
-- first 4 to 10 words of one more, so the words of a paper follow the same law at any catalogue size.
create temporary table sentence as
select i, string_agg(coalesce(v.word, 'zeta' || r), ' ' order by j) as words
from (select i, j, greatest(1, floor(power((select count(*) from vocabulary) + 6000, random()))::int) as r
      from generate_series(1, 100000) i, generate_series(1, 15) j) draws
left join vocabulary v on v.n = draws.r
group by i;
alter table sentence add primary key (i);

insert into digest (id, digest_date, source, entry_count, received_at)
select 'bench-' || d::date, d::date, 'bench', 0, d
from generate_series(date '2023-01-01', date '2023-01-01' + (:papers / 100), interval '1 day') d;

-- The paper's GIN indexes (the migrations' own definitions, kept here) are built after the papers are in: one build
-- costs a fraction of keeping them up to date row by row (a 10,000-paper insert took 9.9 s with them, 4.1 s without,
-- and 1.6 s to build them).
create temporary table paper_gin as
select indexname, indexdef from pg_indexes where tablename = 'paper' and indexdef like '%USING gin%';
select format('drop index %I', indexname) from paper_gin \gexec

insert into paper (id, arxiv_id, title, abstract, url, first_seen, last_seen, first_digest_id, first_position)
select 'title-' || lpad(to_hex(n), 16, '0'), null,
       initcap(array_to_string((string_to_array(t.words, ' '))[1:4 + (random() * 6)::int], ' ')),
       a.words || '.',
       null,
       date '2023-01-01' + (n / 100), date '2023-01-01' + (n / 100),
       'bench-' || (date '2023-01-01' + (n / 100)), 1 + n % 100
from generate_series(1, :papers) n
cross join lateral (select s.words from (select 1 + (random() * 99999)::int + 0 * n as i) pick
                    join sentence s on s.i = pick.i) t
cross join lateral (select string_agg(s.words, ' ') as words
                    from (select 1 + (random() * 99999)::int as i
                          from generate_series(1, 7 + (random() * 5)::int + 0 * n)) picks
                    join sentence s on s.i = picks.i) a;

select indexdef from paper_gin \gexec

update digest set entry_count = c.n from (select first_digest_id, count(*) n from paper group by 1) c
where c.first_digest_id = digest.id;

insert into appearance (digest_id, paper_id, position)
select first_digest_id, id, first_position from paper;

-- 1 to 3 topics a paper, skewed towards the first topics of the list
insert into paper_topic (paper_id, topic_slug, score, evidence, first_seen)
select p.id, t.slug, 0.3 + random() * 0.7, array['generated'], p.first_seen
from paper p
cross join lateral (
  select distinct on (slug) slug from (
    select (array(select slug from topic_seed))[1 + floor(power(random(), 1.7) * 27)::int] as slug, p.id as pid
    from generate_series(1, 1 + (abs(hashtext(p.id)) % 3))
  ) picks) t
on conflict do nothing;

insert into link (paper_id, url, kind, target)
select id, 'https://github.com/org' || (abs(hashtext(id)) % 20000) || '/repo', 'code',
       'org' || (abs(hashtext(id)) % 20000) || '/repo'
from paper where abs(hashtext(id || 'c')) % 10 < 4;
insert into link (paper_id, url, kind, target)
select id, 'https://huggingface.co/org/model' || (abs(hashtext(id)) % 5000), 'model',
       'org/model' || (abs(hashtext(id)) % 5000)
from paper where abs(hashtext(id || 'm')) % 10 < 2;
insert into link (paper_id, url, kind, target)
select id, 'https://huggingface.co/datasets/org/data' || (abs(hashtext(id)) % 3000), 'dataset',
       'org/data' || (abs(hashtext(id)) % 3000)
from paper where abs(hashtext(id || 'd')) % 10 < 1;

insert into mention (paper_id, kind, name, size, text)
select id, 'model', (array['LLaMA','Mistral','Qwen','Gemma','GPT-4','Phi','Falcon','Mixtral','CLIP','ViT',
                            'SAM','Whisper','T5','BERT','DeepSeek'])[1 + abs(hashtext(id || 'f')) % 15], '', 'model'
from paper where abs(hashtext(id || 'x')) % 10 < 5;
insert into mention (paper_id, kind, name, size, text)
select id, 'benchmark', (array['MMLU','GSM8K','HumanEval','ImageNet','COCO','MATH','ARC','HellaSwag','TruthfulQA',
                                'WebArena','SWE-bench','GPQA','MT-Bench','AlpacaEval','LibriSpeech'])[1 + abs(hashtext(id || 'b')) % 15],
       '', 'benchmark'
from paper where abs(hashtext(id || 'y')) % 10 < 3;

vacuum analyze;
select (select count(*) from paper) papers, (select count(*) from paper_topic) paper_topics,
       (select count(*) from link) links, (select count(*) from mention) mentions;
