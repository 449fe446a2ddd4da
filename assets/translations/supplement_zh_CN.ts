<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt strings the shipped qtbase_zh_CN.qm (Qt 6.4) lacks or words badly for
     this program's users; compiled to supplement_zh_CN.qm with pyside6-lrelease. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>查找范围(&amp;L)：</translation></message>
    <message><source>Files of &amp;type:</source><translation>文件类型(&amp;T)：</translation></message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message><source>Size</source><translation>大小</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Folder</source><comment>All other platforms</comment><translation>文件夹</translation></message>
    <message><source>File Folder</source><comment>Match Windows Explorer</comment><translation>文件夹</translation></message>
    <message><source>Folder</source><comment>Match OS X Finder</comment><translation>文件夹</translation></message>
    <message><source>Drive</source><translation>驱动器</translation></message>
    <message><source>File</source><translation>文件</translation></message>
    <message><source>%1 File</source><comment>%1 is a file name suffix, for example txt</comment><translation>%1 文件</translation></message>
    <message><source>Alias</source><comment>OS X Finder</comment><translation>替身</translation></message>
    <message><source>Shortcut</source><comment>All other platforms</comment><translation>快捷方式</translation></message>
</context>
</TS>
