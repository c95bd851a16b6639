package org.o2c.fulfillment.routing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A small multigraph whose Euler circuit (Hierholzer) is the walk; every vertex must have even degree. */
final class EulerGraph {
    private final List<List<int[]>> edgesAt = new ArrayList<>();
    private final List<boolean[]> used = new ArrayList<>();
    private long length;

    EulerGraph(int vertices) {
        for (int i = 0; i < vertices; i++) {
            edgesAt.add(new ArrayList<>());
        }
    }

    void add(int u, int v, long edgeLength, int times) {
        for (int k = 0; k < times; k++) {
            boolean[] flag = new boolean[1];
            used.add(flag);
            int id = used.size() - 1;
            edgesAt.get(u).add(new int[] {v, id});
            edgesAt.get(v).add(new int[] {u, id});
            length += edgeLength;
        }
    }

    long length() {
        return length;
    }

    /** The vertices of an Euler circuit from {@code start}, start and end included. */
    List<Integer> circuit(int start) {
        int[] next = new int[edgesAt.size()];
        Deque<Integer> stack = new ArrayDeque<>();
        List<Integer> out = new ArrayList<>();
        stack.push(start);
        while (!stack.isEmpty()) {
            int v = stack.peek();
            List<int[]> at = edgesAt.get(v);
            while (next[v] < at.size() && used.get(at.get(next[v])[1])[0]) {
                next[v]++;
            }
            if (next[v] == at.size()) {
                out.add(stack.pop());
            } else {
                int[] e = at.get(next[v]);
                used.get(e[1])[0] = true;
                stack.push(e[0]);
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }
}
