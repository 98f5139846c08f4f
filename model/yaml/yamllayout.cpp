// YamlEdit::detectLayout: the indentation and line breaks a document already uses.
#include "yamledit.h"

#include <vector>

namespace meshroute::YamlEdit {

Layout detectLayout(const QByteArray &document, const YamlNode &root)
{
    Layout layout;
    if (document.contains("\r\n"))
        layout.newline = "\r\n";
    bool stepFound = false, sequenceFound = false;
    std::vector<const YamlNode *> stack { &root };
    while (!stack.empty() && !(stepFound && sequenceFound)) {
        const YamlNode *n = stack.back();
        stack.pop_back();
        if (n->isMapping() && n->style == YamlNode::Style::Block) {
            for (std::size_t i = 0; i + 1 < n->children.size(); i += 2) {
                const YamlNode &k = n->children[i];
                const YamlNode &v = n->children[i + 1];
                if (v.style != YamlNode::Style::Block || v.children.empty() || v.start.line == k.start.line)
                    continue;
                if (v.isMapping() && !stepFound && v.start.column > k.start.column) {
                    layout.step = v.start.column - k.start.column;
                    stepFound = true;
                }
                if (v.isSequence() && !sequenceFound) {
                    layout.indentSequences = v.start.column > k.start.column;
                    sequenceFound = true;
                }
            }
        }
        for (auto it = n->children.rbegin(); it != n->children.rend(); ++it)
            if (it->isMapping() || it->isSequence())
                stack.push_back(&*it);
    }
    return layout;
}

} // namespace meshroute::YamlEdit
