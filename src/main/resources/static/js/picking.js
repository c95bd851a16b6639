// The picking screen: keep the scan field focused (scanners type into it), and make a refused scan loud:
// a buzz and a low tone, so the picker notices without looking at the screen.
document.addEventListener('DOMContentLoaded', () => {
  const input = document.querySelector('.scan-input');
  if (input) {
    input.focus();
  }
  if (document.getElementById('scan-error')) {
    if (navigator.vibrate) {
      navigator.vibrate([300, 100, 300]);
    }
    try {
      const audio = new (window.AudioContext || window.webkitAudioContext)();
      const tone = audio.createOscillator();
      tone.type = 'square';
      tone.frequency.value = 220;
      tone.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.5);
    } catch (e) {
      // No sound where the browser refuses audio before a user gesture; the red banner remains.
    }
  }
});
