package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.parser.Token;

/**
 * What reading one pattern's SQL reports through: where the SQL is in the file, how messages
 * name the pattern, the model its names resolve against, and the problems found.
 */
record SqlContext(SqlLocator locator, String context, Resolver resolver, Problems problems) {
    Model model() {
        return resolver.model();
    }

    /** Where a part of the SQL starts in the file (the SQL's start if the parser kept no position). */
    Loc locOf(Object element) {
        if (element instanceof ASTNodeAccess access && access.getASTNode() != null) {
            SimpleNode node = access.getASTNode();
            Token first = node.jjtGetFirstToken();
            if (first != null) {
                return locator.loc(first.beginLine, first.beginColumn);
            }
        }
        return locator.locAt(0);
    }

    /** Reports a construct outside the supported subset of SQL. */
    void unsupported(Object element, String what, String hint) {
        problems.add(locOf(element), "unsupported SQL in " + context + ": " + what, hint);
    }
}
