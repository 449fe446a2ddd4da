"""Where the templates' labels may break across lines: between words, never inside one.

A narrow column wraps 商业企业 as 商业/企业, never 商业企/业; 三、本年度办理结果 as
三、本年度/办理结果.  ``label_breaks`` cuts a label into the pieces between which a
line may break: the words of the templates (the lexicon below, longest match
first), punctuation with the word before it ("行政机关，"), numbering a piece of its own
("三、/本年度/办理结果").  The printout, the Word copy
and the web page fill their lines with whole pieces; a piece wider than its
column is the only thing ever broken inside.
"""

from __future__ import annotations

import functools
import re

# The words of every label of both editions' tables (headers, row labels, notes).
_WORDS = """
商业 企业 科研 机构 社会 公益 组织 法律 服务 自然人 法人或其他组织 总计 申请人情况
本年度 办理结果 本年新收 上年结转 政府信息公开 政府信息 申请 数量 予以公开 部分公开 区分处理的
只计这一情形 不计其他情形 不予公开 属于 国家秘密 其他 法律行政法规 禁止公开 危及
三安全一稳定 保护 第三方 合法权益 三类 内部事务 信息 四类 过程性 行政执法 案卷 行政查询
事项 无法提供 本机关 不掌握 相关 没有 现成 需要 另行 制作 补正后 申请内容 仍不明确
不予处理 信访 举报 投诉类 重复 要求 提供 公开出版物 无正当理由 大量 反复 行政机关 确认
或 重新 出具 已获取 其他处理 申请人 逾期 不补正 不再处理 其 未按 收费通知 缴纳 费用
结转 下年度 继续办理 信息内容 本年 制发 件数 废止 现行有效 处理决定 收费金额 单位 万元
元 规章 行政规范性文件 规范性文件 行政许可 行政处罚 行政强制 行政事业性收费 新制作 新公开
对外公开 总数量 上一年 项目数量 增/减 采购 总金额 政府集中采购 其他对外管理服务事项 行政复议
行政诉讼 结果维持 结果纠正 其他结果 尚未审结 未经复议 直接起诉 复议后起诉 本列数据的
勾稽关系为 第一项 加 第二项 之和 等于 第三项 第四项 第二十条 第（一）项 第（五）项 第（六）项
第（八）项 第（九）项 （七）总计
""".split()
_NUMBERING = re.compile(r"[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[．.、]")
_TRAILING = "，、。；：）”)"
_LEADING = "（“("


@functools.lru_cache(maxsize=1024)
def label_breaks(text: str) -> tuple[str, ...]:
    """The label's pieces, in order; joined they give the label back unchanged."""
    words = sorted(set(_WORDS), key=len, reverse=True)
    pieces: list[str] = []
    pending = ""  # numbering or an opening bracket, held for the next word
    i = 0
    while i < len(text):
        numbering = _NUMBERING.match(text, i)
        if numbering and not pending and (not pieces or pieces[-1][-1:] not in "第"):
            # Numbering is a piece of its own: a line may break after "三、" or "（三）".
            pieces.append(numbering.group(0))
            i = numbering.end()
            continue
        char = text[i]
        if char in _LEADING:
            pending += char
            i += 1
            continue
        if char in _TRAILING and pieces and not pending:
            pieces[-1] += char
            i += 1
            continue
        word = next((w for w in words if text.startswith(w, i)), char)
        pieces.append(pending + word)
        pending = ""
        i += len(word)
    if pending:
        if pieces:
            pieces[-1] += pending
        else:
            pieces.append(pending)
    return tuple(pieces)


WORD_JOINER = "\u2060"


@functools.lru_cache(maxsize=1024)  # asked for each header cell painted
def joined_words(text: str) -> str:
    """The label with a word joiner (U+2060) between the characters of each piece:
    a text layout that breaks Chinese anywhere (Qt's) then breaks between words only."""
    return "".join(WORD_JOINER.join(piece) for piece in label_breaks(text))
