// Words the knowledge search ignores: English function words and the filler of spoken requests ("I want to",
// "can you tell me", "right now": customers' sentences from transcripts are matched too), and Japanese
// particles, auxiliaries, formal nouns and polite phrasing, as they come out of the tokeniser (text-tokens.ts).
// Japanese entries are checked both as segmented and after the okurigana is stripped.

export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between both
  but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further
  had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
  i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on
  once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some
  such than that that's the their theirs them themselves then there there's these they they'd they'll they're they've
  this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when
  when's where where's which while who who's whom why why's will with won't would wouldn't you you'd you'll you're
  you've your yours yourself yourselves
  since every ever anything something everything someone anyone somebody anybody around though although whether
  across along via per upon within without onto toward towards yet already even much many lot lots bit thing things
  way whole quite rather soon
  also just get got gets getting hi hello hey please thanks thank ok okay yes yeah um uh well really still im ive dont
  cant wont doesnt didnt isnt want wants wanted wanna need needs needed like know tell told say said going gonna try
  trying tried seem seems right now today sure maybe actually anyway guys`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

export const JAPANESE_STOP_WORDS: ReadonlySet<string> = new Set(
  `の が を に は で と も へ や か ね よ な わ ぞ さ から まで より など って とか だけ しか ばかり ほど くらい ぐらい
  ので のに けど けれど けれども でも ながら たり だり し つつ こそ さえ すら
  です でし でしょ でしょう だ だっ だろ だろう た て で い る う ます まし ませ ません ない なく なかっ ぬ ん
  たい たく たかっ れる れ られる られ せる させる ある あり あっ いる い いま おり おる おります する し しま しまう
  しまっ ちゃう ちゃっ さ され される でき できる できない できず なる なり なっ なら いう いい いっ よう ように
  くださ ください 下さい お願い おねがい した せん くれ くれる もらう もらえ いただ いただけ いただき 頂 願 思 教
  これ それ あれ どれ この その あの どの ここ そこ あそこ どこ こちら そちら どちら こと もの ため とき ところ
  ほう 方 事 物 時 中 私 僕 わたし あなた うち 今 もう また まだ すぐ とても ちょっと 少し 何 なに なん どう
  どうして なぜ いつ 誰 はい いいえ すみません すいません お ご 様 さん`
    .split(/\s+/)
    .filter((word) => word !== ''),
);
