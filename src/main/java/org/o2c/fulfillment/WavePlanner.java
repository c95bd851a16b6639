package org.o2c.fulfillment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.o2c.fulfillment.routing.AisleGrid;
import org.o2c.fulfillment.routing.GridPoint;
import org.o2c.fulfillment.routing.Routing;
import org.o2c.fulfillment.routing.SShape;
import org.o2c.fulfillment.routing.Tour;
import org.o2c.shared.OrderId;

/**
 * Turns the lines of a wave into stops in walking order. In the aisle grid the walk is optimal
 * (Ratliff–Rosenthal); as soon as one bin is placed freely, every bin is a point in the room and the walk comes
 * from local search over city-block distances.
 */
final class WavePlanner {
    static final String EXACT = "EXACT";
    static final String HEURISTIC = "HEURISTIC";

    private WavePlanner() {}

    /** One thing to take: so much of a SKU from a bin into an order's tote. */
    record Line(OrderId orderId, int tote, String sku, String gtin, String location, int quantity) {}

    /** The stops in walking order, the walk's length and the S-shape walk's (-1 outside a grid), in micrometres. */
    record Plan(List<Line> stops, long distance, long sShape, String routing) {}

    static Plan plan(AisleGrid grid, Map<String, Place> places, List<Line> lines) {
        Map<Place, List<Line>> byPlace = new LinkedHashMap<>();
        for (Line l : lines) {
            byPlace.computeIfAbsent(places.get(l.location()), k -> new ArrayList<>()).add(l);
        }
        List<Place> points = new ArrayList<>(byPlace.keySet());
        Tour tour;
        long sShape = -1;
        String routing;
        if (grid != null && points.stream().allMatch(Place::inGrid)) {
            List<GridPoint> picks = points.stream().map(p -> new GridPoint(p.aisle(), p.y())).toList();
            tour = Routing.inGrid(grid, picks);
            sShape = SShape.route(grid, picks).length();
            routing = EXACT;
        } else {
            tour = Routing.inRoom(points.stream().map(p -> new Routing.Spot(p.x(), p.y())).toList());
            routing = HEURISTIC;
        }
        List<Line> stops = new ArrayList<>();
        for (int i : tour.order()) {
            List<Line> here = new ArrayList<>(byPlace.get(points.get(i)));
            here.sort(Comparator.comparing(Line::location).thenComparingInt(Line::tote).thenComparing(Line::sku));
            stops.addAll(here);
        }
        return new Plan(stops, tour.length(), sShape, routing);
    }

    /** The walk's length for a set of places, as {@link #plan} would walk it. */
    static long distance(AisleGrid grid, List<Place> points) {
        List<Place> distinct = points.stream().distinct().toList();
        if (grid != null && distinct.stream().allMatch(Place::inGrid)) {
            return Routing.lengthInGrid(grid, distinct.stream().map(p -> new GridPoint(p.aisle(), p.y())).toList());
        }
        return Routing.inRoom(distinct.stream().map(p -> new Routing.Spot(p.x(), p.y())).toList()).length();
    }
}
