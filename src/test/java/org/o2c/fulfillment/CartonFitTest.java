package org.o2c.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packer's question: does this go into that carton? Answered by geometry, not by volume alone. */
class CartonFitTest {

    private static List<CartonFit.Item> copies(int n, int l, int w, int h) {
        return new ArrayList<>(Collections.nCopies(n, new CartonFit.Item("X", l, w, h)));
    }

    @Test
    void aBoxFitsWhenItIsTurned() {
        var carton = new CartonFit.Space(300, 200, 100);
        assertThat(CartonFit.pack(carton, List.of(new CartonFit.Item("BOOK", 100, 200, 300)))).isPresent();
    }

    @Test
    void anUmbrellaDoesNotFitAShoeBoxThoughItsVolumeWould() {
        var carton = new CartonFit.Space(350, 250, 150);
        List<CartonFit.Item> umbrella = List.of(new CartonFit.Item("UMBRELLA", 900, 60, 60));
        assertThat(umbrella.get(0).volume()).isLessThan(carton.volume());
        assertThat(CartonFit.pack(carton, umbrella)).isEmpty();
    }

    @Test
    void twoCubesThatEachFitDoNotFitTogetherThoughTheVolumeLeavesRoom() {
        var carton = new CartonFit.Space(400, 400, 400);
        List<CartonFit.Item> cubes = copies(2, 250, 250, 250);
        assertThat(cubes.stream().mapToLong(CartonFit.Item::volume).sum()).isLessThan(carton.volume() / 2);
        assertThat(CartonFit.pack(carton, cubes)).isEmpty();
        assertThat(CartonFit.pack(new CartonFit.Space(500, 250, 250), cubes)).isPresent();
    }

    @Test
    void eightCubesFillACartonExactly() {
        var carton = new CartonFit.Space(400, 400, 400);
        assertThat(CartonFit.pack(carton, copies(8, 200, 200, 200))).hasValueSatisfying(p -> assertThat(p).hasSize(8));
        assertThat(CartonFit.pack(carton, copies(9, 200, 200, 200))).isEmpty();
    }

    @Test
    void flatItemsAreStackedAndTurnedToUseTheSpace() {
        // Six plates 300 x 300 x 50 stand or lie in a 300 x 300 x 300 carton only when each lies flat on the last.
        var carton = new CartonFit.Space(300, 300, 300);
        assertThat(CartonFit.pack(carton, copies(6, 50, 300, 300))).isPresent();
        assertThat(CartonFit.pack(carton, copies(7, 50, 300, 300))).isEmpty();
    }

    @Test
    void aLongItemAndSmallOnesShareTheCarton() {
        var carton = new CartonFit.Space(600, 200, 200);
        List<CartonFit.Item> items = new ArrayList<>();
        items.add(new CartonFit.Item("POSTER", 600, 100, 100));
        items.addAll(copies(6, 100, 100, 200));
        // 600x100x100 along the length, then six 100x100x200 boxes standing beside it on their sides.
        assertThat(CartonFit.pack(carton, items)).isPresent();
    }

    @Test
    void noPlacementOverlapsAnotherOrLeavesTheCarton() {
        var carton = new CartonFit.Space(310, 220, 170);
        List<CartonFit.Item> items = new ArrayList<>();
        items.addAll(copies(3, 150, 100, 80));
        items.addAll(copies(4, 60, 60, 60));
        items.add(new CartonFit.Item("TUBE", 300, 40, 40));
        List<CartonFit.Placement> placed = CartonFit.pack(carton, items).orElseThrow();
        for (CartonFit.Placement a : placed) {
            assertThat(a.x() + a.dx()).isLessThanOrEqualTo(carton.length());
            assertThat(a.y() + a.dy()).isLessThanOrEqualTo(carton.width());
            assertThat(a.z() + a.dz()).isLessThanOrEqualTo(carton.height());
            for (CartonFit.Placement b : placed) {
                if (a != b) {
                    boolean apart = a.x() + a.dx() <= b.x() || b.x() + b.dx() <= a.x() || a.y() + a.dy() <= b.y()
                            || b.y() + b.dy() <= a.y() || a.z() + a.dz() <= b.z() || b.z() + b.dz() <= a.z();
                    assertThat(apart).as("%s and %s overlap", a, b).isTrue();
                }
            }
        }
    }
}
