"""A small pinyin table (tone marks) for the characters most common in the corpus, for gloss noise.

`pypinyin` is used instead when it is installed; it is not a dependency. Each entry is
a Simplified character and one reading (the usual one in investment news: 长 zhǎng as
in 市长, 行 xíng as in 举行). Neutral-tone readings are left out: a gloss without a tone
mark is not a gloss to the normalizer. Traditional and regional variants of each
character get the same reading (see `augment.pinyin_of`).
"""

TABLE = """
目mù 项xiàng 产chǎn 工gōng 区qū 投tóu 业yè 开kāi 年nián 资zī 新xīn 个gè 元yuán 亿yì 一yī 建jiàn 中zhōng 市shì 在zài
总zǒng 地dì 设shè 约yuē 签qiān 成chéng 发fā 全quán 上shàng 要yào 高gāo 能néng 企qǐ 会huì 委wěi 生shēng 记jì 经jīng
大dà 动dòng 主zhǔ 月yuè 重zhòng 以yǐ 电diàn 和hé 园yuán 长zhǎng 计jì 进jìn 化huà 度dù 场chǎng 推tuī 是shì 加jiā 等děng
基jī 人rén 期qī 到dào 划huà 集jí 有yǒu 为wéi 家jiā 部bù 商shāng 用yòng 点diǎn 日rì 行xíng 作zuò 出chū 今jīn 三sān
料liào 将jiāng 来lái 材cái 实shí 书shū 源yuán 现xiàn 者zhě 济jì 后hòu 心xīn 县xiàn 务wù 力lì 车chē 线xiàn 制zhì 批pī
万wàn 保bǎo 国guó 责zé 合hé 二èr 同tóng 任rèn 海hǎi 持chí 服fú 技jì 前qián 已yǐ 展zhǎn 增zēng 时shí 副fù 造zào 物wù
说shuō 招zhāo 州zhōu 程chéng 介jiè 明míng 对duì 落luò 活huó 链liàn 领lǐng 分fēn 导dǎo 不bù 体tǐ 机jī 报bào 施shī 智zhì
品pǐn 东dōng 各gè 术shù 备bèi 季jì 金jīn 式shì 下xià 装zhuāng 管guǎn 示shì 其qí 位wèi 平píng 表biǎo 抓zhuā 通tōng 及jí
达dá 引yǐn 医yī 城chéng 提tí 强qiáng 议yì 安ān 件jiàn 次cì 这zhè 本běn 完wán 天tiān 正zhèng 深shēn 从cóng 负fù 立lì
可kě 多duō 门mén 快kuài 方fāng 精jīng 文wén 去qù 我wǒ 江jiāng 汽qì 举jǔ 间jiān 流liú 南nán 光guāng 就jiù 片piàn 席xí
药yào 协xié 布bù 值zhí 数shù 吨dūn 好hǎo 讯xùn 级jí 关guān 解jiě 配pèi 标biāo 过guò 套tào 于yú 晓xiǎo 厂chǎng 口kǒu
据jù 港gǎng 量liàng 第dì 比bǐ 党dǎng 代dài 里lǐ 半bàn 山shān 办bàn 面miàn 改gǎi 把bǎ 竣jùn 效xiào 与yǔ 华huá 环huán
确què 理lǐ 早zǎo 专zhuān 入rù 续xù 两liǎng 员yuán 当dāng 四sì 志zhì 池chí 最zuì 常cháng 坚jiān 民mín 单dān 速sù 共gòng
仪yí 绍shào 规guī 水shuǐ 宁níng 内nèi 每měi 步bù 自zì 西xī 综zōng 准zhǔn 题tí 王wáng 原yuán 阳yáng 研yán 话huà 北běi
头tóu 向xiàng 振zhèn 境jìng 型xíng 户hù 储chǔ 外wài 组zǔ 域yù 讲jiǎng 优yōu 定dìng 林lín 底dǐ 求qiú 条tiáo 端duān
由yóu 问wèn 供gōng 器qì 看kàn 台tái 手shǒu 路lù 周zhōu 房fáng 并bìng 宣xuān 公gōng 此cǐ 致zhì 色sè 模mó 网wǎng 辞cí
小xiǎo 试shì 更gèng 院yuàn 也yě 图tú 转zhuǎn 税shuì 政zhèng 农nóng 余yú 清qīng 预yù 交jiāo 排pái 情qíng 编biān 做zuò
绿lǜ 班bān 创chuàng 尔ěr 至zhì 省shěng 争zhēng 张zhāng 河hé 黄huáng 率lǜ 石shí 学xué 之zhī 营yíng 决jué 川chuān 局jú
名míng 统tǒng 态tài 质zhì 整zhěng 结jié 利lì 带dài 字zì 收shōu 空kōng 辑jí 联lián 湖hú 红hóng 运yùn 紧jǐn 超chāo 游yóu
先xiān 道dào 让ràng 零líng 固gù 放fàng 板bǎn 信xìn 相xiāng 即jí 接jiē 近jìn 伏fú 远yuǎn 障zhàng 五wǔ 首shǒu 航háng
冷lěng 织zhī 群qún 打dǎ 参cān 他tā 土tǔ 聚jù 压yā 节jié 复fù 贸mào 十shí 镇zhèn 包bāo 特tè 锂lǐ 龙lóng 召zhào 科kē 马mǎ
际jì 再zài 军jūn 范fàn 额é 易yì 干gàn 闻wén 系xì 延yán 起qǐ 只zhǐ 升shēng 康kāng 回huí 德dé 形xíng 李lǐ 事shì 围wéi
审shěn 密mì 走zǒu 占zhàn 昌chāng 兴xīng 验yàn 础chǔ 春chūn 峰fēng 丽lì 革gé 铁tiě 旅lǚ 千qiān 铝lǚ 得dé 显xiǎn 性xìng
刘liú 青qīng 息xī 封fēng 指zhǐ 应yīng 拉lā 绕rào 见jiàn 才cái 木mù 美měi 突tū 午wǔ 白bái 少shǎo 食shí 势shì 站zhàn
庆qìng 陈chén 处chù 座zuò 角jiǎo 齐qí 热rè 补bǔ 临lín 风fēng 疫yì 卫wèi 稳wěn 扩kuò 银yín 钢gāng 拿ná 支zhī 控kòng 吴wú
具jù 类lèi 乡xiāng 宇yǔ 刚gāng 气qì 圳zhèn 测cè 融róng 均jūn 跑pǎo 氢qīng 米mǐ 永yǒng 种zhǒng 核hé 订dìng 变biàn 该gāi
摄shè 构gòu 湾wān 哈hā 破pò 继jì 京jīng 承chéng 瓷cí 逐zhú 铜tóng 算suàn 百bǎi 跨kuà 跟gēn 杨yáng 云yún 取qǔ 连lián
罗luó 置zhì 尽jìn 直zhí 治zhì 边biān 按àn 雪xuě 况kuàng 素sù 玉yù 格gé 键jiàn 伟wěi 煤méi 苏sū 武wǔ 战zhàn 维wéi 许xǔ
府fǔ 察chá 陶táo 限xiàn 照zhào 感gǎn 短duǎn 功gōng 策cè 列liè 告gào 松sōng 谋móu 传chuán 访fǎng 果guǒ 越yuè 几jǐ
晶jīng 号hào 亚yà 防fáng 酸suān 然rán 累lěi 别bié 考kǎo 滨bīn 望wàng 燕yàn 住zhù 言yán 居jū 团tuán 帮bāng 碳tàn 仓cāng
宏hóng 佳jiā 满mǎn 牌pái 涵hán 缩suō 难nán 而ér 温wēn 涛tāo 诉sù 低dī 赴fù 广guǎng 福fú 校xiào 盖gài 老lǎo 意yì 纺fǎng
兰lán 思sī 检jiǎn 受shòu 署shǔ 容róng 采cǎi 沙shā 郑zhèng 孙sūn 六liù 泉quán 梁liáng 疗liáo 桥qiáo 攻gōng 宝bǎo 社shè
页yè 极jí 谈tán 焦jiāo 韩hán 械xiè 养yǎng 挂guà 细xì 印yìn 盯dīng 花huā 依yī 样yàng 助zhù 如rú 选xuǎn 亩mǔ 铸zhù
湘xiāng 吉jí 抢qiǎng 双shuāng 司sī 段duàn 街jiē 往wǎng 证zhèng 浦pǔ 亮liàng 未wèi 瓦wǎ 丝sī 悉xī 驻zhù 需xū 所suǒ
羊yáng 冲chōng 梅méi 健jiàn 盘pán 伸shēn 田tián 卖mài 汉hàn 雨yǔ 给gěi 慧huì 离lí 油yóu 酒jiǔ 仅jǐn 队duì 观guān
绒róng 瑞ruì 块kuài 斌bīn 乌wū 踪zōng 客kè 津jīn 何hé 景jǐng 很hěn 评píng 纳nà 神shén 陵líng 库kù 启qǐ 硅guī 根gēn
贵guì 倒dǎo 火huǒ 牢láo 芯xīn 赵zhào 码mǎ 遇yù 媒méi 促cù 汾fén 洪hóng 尧yáo 沃wò 晋jìn 陕shǎn 豫yù 鲁lǔ 皖wǎn 浙zhè
闽mǐn 赣gàn 粤yuè 桂guì 琼qióng 渝yú 蜀shǔ 黔qián 滇diān 藏zàng 甘gān 疆jiāng 辽liáo 黑hēi 蒙méng 冀jì 沪hù 鄂è 徽huī
贺hè 奠diàn 厦shà 轨guǐ 隧suì 坝bà 堤dī 渠qú 废fèi 循xún 屏píng 幕mù 纤xiān 塑sù 胶jiāo 锌xīn 镍niè 钴gǔ 钛tài 稀xī
粮liáng 棉mián 糖táng 茶chá 蔬shū 肉ròu 奶nǎi 蛋dàn 鱼yú 虾xiā 牛niú 猪zhū 鸡jī 鸭yā
"""
